-- A request's row is inserted small (the claim: keys, hash, time) and updated once with its answer (about ten times
-- larger). Packed full, a page of claims has no room for their answers: each answer went to another page as a new
-- row version, with new entries in both indexes and a dead claim left behind for vacuum. With pages filled to a tenth
-- by claims, their answers fit beside them and the update is HOT (heap-only: no index entry); a page of answered
-- requests ends about as full as before.
ALTER TABLE idempotent_request SET (fillfactor = 10);

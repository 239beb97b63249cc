-- Every write claims its Idempotency-Key with an insert into idempotent_request. Its foreign key to api_key made each
-- claim lock its caller's key row (FOR KEY SHARE) until it committed: one more statement per write, and concurrent
-- writes of one caller (a platform sends most of them) shared that lock through a multixact written to the key's row.
-- The reference cannot dangle: the claim's key is the one that has just authenticated the request, and API keys are
-- never deleted (a revoked key keeps its row, and its number, for the decisions it made). So the check goes.
ALTER TABLE idempotent_request DROP CONSTRAINT idempotent_request_api_key_fkey;

-- The event table only grows. PostgreSQL's default vacuums a table after inserts of 20 % of its
-- size, so a large event table goes long unvacuumed: its visibility map stays unset and every
-- index-only read of it (the DSA export's count and parts over event_decision_time, the ledger's
-- catch-up) must visit the rows themselves. Measured on a 200,000-decision store that was never
-- vacuumed: the export ran at 69,000-80,000 statements/s; after one VACUUM at 170,000-233,000/s
-- (docs/benchmarks.md). Vacuum it after every 1 % of growth (at least 10,000 events) instead, and
-- keep its statistics as fresh.
ALTER TABLE event SET (
    autovacuum_vacuum_insert_scale_factor = 0.01,
    autovacuum_vacuum_insert_threshold = 10000,
    autovacuum_analyze_scale_factor = 0.01
);

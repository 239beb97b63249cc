-- stream_events (V240) reads by the (stream_id, stream_version) index whatever its streams, so one generic plan serves
-- every call. PostgreSQL plans a function's query in each session for the values of its first five calls, and again
-- after every ANALYZE of the event table (which the statistics refresh and autovacuum run often while the table
-- grows), before it settles on the generic plan: in benchmark runs, planning took half to three quarters of the
-- query's time (docs/benchmarks.md). Planned generic at once, it is planned once a session and invalidation.
ALTER FUNCTION stream_events(text[]) SET plan_cache_mode = force_generic_plan;

-- The events of some streams, in stream order: what the stream reads behind the core's commands
-- fetch, a batch of up to 500 streams at a time. A stream holds a handful of events (a case about
-- ten, an account a few), so the only sound plan is the (stream_id, stream_version) index,
-- whatever the table's size. The planner cannot know that from statistics while the event table
-- grows from empty: before its first ANALYZE it takes each stream for 0.5 % of the table, so a
-- batch of a hundred streams looks like half of it, and a plan made for the batch's own streams
-- read the whole table every time (measured: 2.6 ms of PostgreSQL CPU per decision instead of
-- about 0.25, docs/benchmarks.md); after an ANALYZE of the first minutes' few streams it can be as
-- wrong; and a generic plan made while the table was small keeps a sequential scan. So the read
-- says what is true by design: it is planned with sequential scans ruled out (the function's own
-- setting, for its query only).
CREATE FUNCTION stream_events(streams text[])
    RETURNS TABLE (stream_id text, "position" bigint, stream_version bigint, private_record bytea, payload bytea)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
AS $$
    SELECT e.stream_id, e.position, e.stream_version, e.private_record, e.payload
    FROM event e
    WHERE e.stream_id = ANY(streams)
    ORDER BY e.stream_id, e.stream_version
$$;

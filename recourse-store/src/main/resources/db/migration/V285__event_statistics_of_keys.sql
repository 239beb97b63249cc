-- The planner's statistics of the event table, kept for the columns that statements look events up by, and at a
-- tenth of the default detail. An ANALYZE reads a sample of 300 rows per unit of the largest statistics target of a
-- table's columns, each from a random page: 30,000 rows by default, a third of the pages of a table of half a million
-- events, and then sorts the sampled values of every column. The event table is analysed often while it grows (by
-- autovacuum after each 1 % of growth, V230, and by the statistics refresh at each doubling), and each ANALYZE took
-- 0.4 to 0.7 s of PostgreSQL's CPU at half a million events; at this target it takes about 35 ms (docs/benchmarks.md).
-- Its plans do not need more: events are read by position, by stream (stream_events rules out sequential scans
-- anyway), and decisions by time through their partial index; a handful of types fit the most-common-values list of
-- ten, and a histogram of ten buckets bounds the times and positions as well as a hundred for those index ranges.
-- Nothing looks events up by their entries, records, payloads or salts: those have no statistics at all.
ALTER TABLE event
    ALTER COLUMN position SET STATISTICS 10,
    ALTER COLUMN stream_id SET STATISTICS 10,
    ALTER COLUMN stream_version SET STATISTICS 10,
    ALTER COLUMN type SET STATISTICS 10,
    ALTER COLUMN occurred_at SET STATISTICS 10,
    ALTER COLUMN erased_at SET STATISTICS 10,
    ALTER COLUMN payload SET STATISTICS 0,
    ALTER COLUMN public_entry SET STATISTICS 0,
    ALTER COLUMN private_record SET STATISTICS 0,
    ALTER COLUMN salt SET STATISTICS 0;

-- The version of the read model's shape its rows were built by (ReadModel.VERSION): a read model built by code that
-- kept less from the events (a database from before the public record, its facets and the figures per rule) has
-- the version 0 that this column gives it, and the store rebuilds it from the events on start. A database that
-- holds no events yet is only stamped.
ALTER TABLE read_model_head ADD COLUMN version integer NOT NULL DEFAULT 0 CHECK (version >= 0);

-- Keep an event's row, up to about 8 kB, in the table's own page uncompressed, rather than
-- compressing its entries (pglz) or moving them out to the TOAST table once the row passes the
-- default 2 kB. A decision's event, with its statement of reasons in both the public entry and
-- the private record, is about 4 kB: every one was compressed when written and decompressed each
-- time the ledger read its public entry back. The stored bytes are the same; only where
-- PostgreSQL keeps them changes.
ALTER TABLE event SET (toast_tuple_target = 8160);

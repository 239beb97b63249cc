-- Events are written once and read whole: keep rows of up to about 8 kB in the table page,
-- uncompressed, instead of compressing and moving values out of line from 2 kB on. A decision
-- with its statement of reasons is 2 to 4 kB; compressing it on the write path cost more than
-- the space it saved.
ALTER TABLE event SET (toast_tuple_target = 8160);

-- An empty payload says that the private record holds no personal data, so it is also the
-- event without its personal data: erasure then moves the private record into the payload
-- instead of deleting it (the salt goes, as always). Otherwise nothing changes but the erasure
-- of the private record and its salt.
CREATE OR REPLACE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.position = OLD.position
       AND NEW.stream_id = OLD.stream_id
       AND NEW.stream_version = OLD.stream_version
       AND NEW.type = OLD.type
       AND NEW.occurred_at = OLD.occurred_at
       AND (NEW.payload = OLD.payload
            OR (octet_length(OLD.payload) = 0 AND NEW.payload = OLD.private_record))
       AND NEW.public_entry = OLD.public_entry
       AND NEW.private_record IS NULL
       AND NEW.salt IS NULL THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only: only the private record and its salt may be erased'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

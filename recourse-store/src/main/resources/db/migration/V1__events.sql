-- The events: the source of truth. Each event's position is its index in the transparency log,
-- so positions are 0, 1, 2, ... without gaps, handed out by the one-row head table below in the
-- transaction that inserts the events: a rolled-back transaction hands out nothing.
CREATE TABLE event (
    position        bigint      PRIMARY KEY CHECK (position >= 0),
    stream_id       text        NOT NULL,
    stream_version  bigint      NOT NULL CHECK (stream_version >= 1),
    type            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    -- The event without its personal data, which lives in private_record alone.
    payload         bytea       NOT NULL,
    -- The log entry: canonical JSON of the event's public part, with the commitment
    -- SHA-256(salt || private_record). Never changes once written.
    public_entry    bytea       NOT NULL,
    -- Personal data and the salt of its commitment; both are deleted on erasure.
    private_record  bytea,
    salt            bytea,
    erased_at       timestamptz,
    CONSTRAINT event_stream_version UNIQUE (stream_id, stream_version),
    CONSTRAINT event_private_with_salt CHECK ((private_record IS NULL) = (salt IS NULL)),
    CONSTRAINT event_erased_has_no_private CHECK (erased_at IS NULL OR private_record IS NULL)
);

-- The next position to hand out. Transactions that append lock this row first, so appends are
-- serialised across every node and become visible in position order.
CREATE TABLE event_head (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_position  bigint  NOT NULL CHECK (next_position >= 0)
);
INSERT INTO event_head (singleton, next_position) VALUES (true, 0);

-- Events are append-only: an update may only erase the private record (and its salt), never
-- touch the public part; nothing is ever deleted.
CREATE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.position = OLD.position
       AND NEW.stream_id = OLD.stream_id
       AND NEW.stream_version = OLD.stream_version
       AND NEW.type = OLD.type
       AND NEW.occurred_at = OLD.occurred_at
       AND NEW.payload = OLD.payload
       AND NEW.public_entry = OLD.public_entry
       AND NEW.private_record IS NULL
       AND NEW.salt IS NULL THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only: only the private record and its salt may be erased'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
    FOR EACH ROW EXECUTE FUNCTION event_append_only();

CREATE FUNCTION event_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: the event table is never truncated'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event
    FOR EACH STATEMENT EXECUTE FUNCTION event_no_truncate();

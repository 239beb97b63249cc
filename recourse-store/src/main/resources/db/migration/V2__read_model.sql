-- The read model: projections of the events, updated in the sequencer's transaction that stores
-- the events, so they are always exactly as up to date as the events. None holds personal data
-- beyond the platform's own identifiers of subjects, which also name the event streams.

-- One row per case: where it stands.
CREATE TABLE case_view (
    case_id          uuid        PRIMARY KEY,
    subject_kind     text        NOT NULL,
    subject_id       text        NOT NULL,
    -- OPEN (no decision yet), DECIDED, APPEALED (an appeal is pending), REVERSED (the last
    -- appeal decided reversed the decision, and no decision came since).
    status           text        NOT NULL CHECK (status IN ('OPEN', 'DECIDED', 'APPEALED', 'REVERSED')),
    latest_decision  uuid,
    decided_at       timestamptz,
    appeal_deadline  timestamptz,
    -- The earliest notice or detection no decision answered yet: the clock of time-to-decide.
    awaiting_since   timestamptz,
    pending_appeals  integer     NOT NULL CHECK (pending_appeals >= 0),
    opened_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT case_view_subject UNIQUE (subject_kind, subject_id)
);

-- What waits for a person: proposals for approval, appeals for a reviewer. queued_position is
-- the position of the event that queued the item: the queue's order and its cursor.
CREATE TABLE review_queue (
    queue            text        NOT NULL CHECK (queue IN ('PROPOSAL', 'APPEAL')),
    item_id          uuid        NOT NULL,
    queued_position  bigint      NOT NULL,
    case_id          uuid        NOT NULL,
    subject_kind     text        NOT NULL,
    subject_id       text        NOT NULL,
    -- Proposals: why it waits (automation proposed it, or it is high-impact); appeals: the
    -- appellant, AFFECTED_PERSON or NOTIFIER.
    detail           text        NOT NULL,
    -- Appeals: the decision appealed. Proposals: null.
    decision_id      uuid,
    approvals        integer     NOT NULL DEFAULT 0,
    queued_at        timestamptz NOT NULL,
    PRIMARY KEY (queue, item_id),
    CONSTRAINT review_queue_order UNIQUE (queue, queued_position)
);

-- The restrictions in force, until lifted (an expired one stays until its expiry is recorded;
-- queries leave out those past their end).
CREATE TABLE standing_restriction (
    restriction_id   uuid        PRIMARY KEY,
    subject_kind     text        NOT NULL,
    subject_id       text        NOT NULL,
    case_id          uuid        NOT NULL,
    decision_id      uuid        NOT NULL,
    -- VISIBILITY, MONETARY, SERVICE or ACCOUNT, and the DSA value of the measure.
    measure          text        NOT NULL,
    measure_value    text        NOT NULL,
    measure_other    text,
    -- The countries it applies in; null: everywhere.
    countries        text[],
    applied_at       timestamptz NOT NULL,
    ends_at          timestamptz
);
CREATE INDEX standing_restriction_subject ON standing_restriction (subject_kind, subject_id);

-- Each decision's dimensions in the rollups, so that its appeals and reinstatements are counted
-- with it without reading its events again.
CREATE TABLE decision_dimensions (
    decision_id      uuid        PRIMARY KEY,
    category         text        NOT NULL,
    ground           text        NOT NULL,
    restriction_kind text        NOT NULL,
    automation       text        NOT NULL,
    source_type      text        NOT NULL
);

-- The transparency rollups, kept incrementally: per day (UTC) and dimensions of a decision
-- (category, ground, kinds of restriction, automation, source; '' where a decision to take no
-- action has none). time_to_decide counts first decisions by how long the case waited, in the
-- buckets of TimeToDecide.
CREATE TABLE transparency_rollup (
    day              date        NOT NULL,
    category         text        NOT NULL,
    ground           text        NOT NULL,
    restriction_kind text        NOT NULL,
    automation       text        NOT NULL,
    source_type      text        NOT NULL,
    decisions        bigint      NOT NULL,
    appeals_filed    bigint      NOT NULL,
    appeals_decided  bigint      NOT NULL,
    appeals_upheld   bigint      NOT NULL,
    appeals_reversed bigint      NOT NULL,
    appeals_modified bigint      NOT NULL,
    reinstatements   bigint      NOT NULL,
    time_to_decide   bigint[]    NOT NULL,
    PRIMARY KEY (day, category, ground, restriction_kind, automation, source_type)
);

-- Element-wise sum of two count arrays of the same length.
CREATE FUNCTION add_counts(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
$$;

-- The position up to which (exclusive) the read model has taken in the events: the sequencer
-- advances it in each transaction; on start, the store replays the events from it, so a read
-- model added to a database that already holds events catches up.
CREATE TABLE read_model_head (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_position  bigint  NOT NULL CHECK (next_position >= 0)
);
INSERT INTO read_model_head (singleton, next_position) VALUES (true, 0);

-- What the rule worker did for each content event (docs/policies.md, "Event intake"), so that an event delivered
-- again (a Kafka redelivery, a retried HTTP batch) never acts twice. Each step (a rule's detection, then its
-- decision) is written in the same transaction as the events it stored: a step is done exactly when its events are.
CREATE TABLE content_event_step (
    event_id   text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
    -- The rule's id@version and which of its steps: "detection" or "decision".
    step       text NOT NULL,
    -- The detection the step recorded, which the rule's decision cites.
    detection  uuid,
    PRIMARY KEY (event_id, step)
);

-- The content events processed to the end. Kept forever: an event id is the platform's, and a redelivery may
-- come long after the first.
CREATE TABLE content_event (
    event_id     text        PRIMARY KEY CHECK (length(event_id) BETWEEN 1 AND 200),
    processed_at timestamptz NOT NULL
);

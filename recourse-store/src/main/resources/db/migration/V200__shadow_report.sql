-- The shadow report (docs/policies.md, "The shadow report"): how many content events each rule version matched in
-- shadow mode, and its first matches as samples. Written in the transaction that notes the event as processed
-- (content_event), only when that note is new: an event delivered again never counts twice, and every instance's
-- counts add up here.
CREATE TABLE shadow_count (
    -- The rule's id@version.
    rule    text   PRIMARY KEY CHECK (length(rule) BETWEEN 3 AND 200),
    matched bigint NOT NULL CHECK (matched > 0)
);

-- The first matches of each rule version, numbered from 1 in the order they were counted; at most a few per rule
-- version (the store's bound), so the table stays small however much a shadow rule matches.
CREATE TABLE shadow_sample (
    rule         text        NOT NULL REFERENCES shadow_count (rule),
    ordinal      integer     NOT NULL CHECK (ordinal > 0),
    event_id     text        NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
    subject_kind text        NOT NULL,
    subject_id   text        NOT NULL,
    matched_at   timestamptz NOT NULL,
    PRIMARY KEY (rule, ordinal)
);

-- The safeguards' read model: per rule version (rule = 'id@version'), its figures for the
-- transparency pages, its breaker, its recalls, and its actions per minute (what a breaker
-- learns again from when the process starts). Kept in the sequencer's transaction like the
-- read model, with a head of its own so that it catches up on its own.

CREATE TABLE rule_figures (
    rule             text        PRIMARY KEY,
    -- Restrictive decisions the rule version took part in, and of those, taken by it alone.
    actions          bigint      NOT NULL CHECK (actions >= 0),
    automated        bigint      NOT NULL CHECK (automated >= 0),
    proposals        bigint      NOT NULL CHECK (proposals >= 0),
    appeals_filed    bigint      NOT NULL CHECK (appeals_filed >= 0),
    appeals_decided  bigint      NOT NULL CHECK (appeals_decided >= 0),
    -- Appeals decided that reversed or modified its decision.
    overturned       bigint      NOT NULL CHECK (overturned >= 0),
    trips            bigint      NOT NULL CHECK (trips >= 0),
    recalls          bigint      NOT NULL CHECK (recalls >= 0),
    -- Restrictions its recalls lifted, and its decisions refused on subjects a recall pinned.
    recalled         bigint      NOT NULL CHECK (recalled >= 0),
    refused          bigint      NOT NULL CHECK (refused >= 0),
    -- The breaker: tripped while tripped_at is set; the figures of the last trip (JSON, no
    -- personal data); the last reset, by whom (pseudonym and role) and why.
    tripped_at       timestamptz,
    trip             text,
    reset_at         timestamptz,
    reset_by         text,
    reset_reasons    text
);

-- The restrictive decisions a rule version took part in: for its appeals and its recalls.
CREATE TABLE rule_decision (
    decision_id      uuid        PRIMARY KEY,
    rule             text        NOT NULL,
    decided_at       timestamptz NOT NULL
);
CREATE INDEX rule_decision_rule ON rule_decision (rule, decided_at);
CREATE INDEX standing_restriction_decision ON standing_restriction (decision_id);

-- Decisions a rule version took alone, per minute (UTC).
CREATE TABLE rule_minute (
    rule             text        NOT NULL,
    minute           timestamptz NOT NULL,
    actions          bigint      NOT NULL CHECK (actions > 0),
    PRIMARY KEY (rule, minute)
);
CREATE INDEX rule_minute_time ON rule_minute (minute);

CREATE TABLE rule_recall (
    recall_id        uuid        PRIMARY KEY,
    rule             text        NOT NULL,
    from_time        timestamptz,
    to_time          timestamptz,
    started_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    lifted           bigint      NOT NULL CHECK (lifted >= 0)
);
CREATE INDEX rule_recall_rule ON rule_recall (rule, started_at);

CREATE TABLE rule_figures_head (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_position  bigint  NOT NULL CHECK (next_position >= 0)
);
INSERT INTO rule_figures_head (singleton, next_position) VALUES (true, 0);

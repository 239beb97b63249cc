-- The public record that the transparency portal reads: kept by the read model in the sequencer's
-- transaction, from the public part of the events only. Nothing here is personal data: decisions
-- are known by their ids and the DSA fields of their statements, rules by id@version, authorities
-- by their official names.

-- One row per decision taken, to search them: its log position (the cursor, newest first), and
-- the dimensions people filter by.
CREATE TABLE public_decision (
    decision_id      uuid        PRIMARY KEY,
    position         bigint      NOT NULL,
    case_id          uuid        NOT NULL,
    decided_at       timestamptz NOT NULL,
    -- As in transparency_rollup: enum names, kinds joined by '+', '' where a decision to take no
    -- action has none.
    category         text        NOT NULL,
    ground           text        NOT NULL,
    restriction_kind text        NOT NULL,
    automation       text        NOT NULL,
    -- ARTICLE_16, TRUSTED_FLAGGER, OTHER_NOTICE, OWN_INITIATIVE, NOT_STATED; an authority's order or
    -- a government's request (AUTHORITY_ORDER, GOVERNMENT_REQUEST) once the request is disclosed.
    source           text        NOT NULL,
    -- The automated rule that decided or proposed, as id@version; '' when people alone decided.
    rule             text        NOT NULL,
    -- NONE, PENDING, UPHELD, REVERSED or MODIFIED: the latest appeal's.
    appeal           text        NOT NULL,
    CONSTRAINT public_decision_position UNIQUE (position)
);
CREATE INDEX public_decision_day ON public_decision (decided_at);
CREATE INDEX public_decision_category ON public_decision (category, position);
CREATE INDEX public_decision_source ON public_decision (source, position);
CREATE INDEX public_decision_rule ON public_decision (rule, position) WHERE rule <> '';
CREATE INDEX public_decision_appeal ON public_decision (appeal, position) WHERE appeal <> 'NONE';

-- The register of authority requests. The body, the basis and the case are kept from
-- registration, but the portal shows them only once disclosed_at is set; until then a held
-- request shows only that it exists and when its hold ends.
CREATE TABLE authority_register (
    request_id       uuid        PRIMARY KEY,
    position         bigint      NOT NULL,
    kind             text        NOT NULL,
    authority        text        NOT NULL,
    country          text        NOT NULL,
    legal_basis      text        NOT NULL,
    case_id          uuid        NOT NULL,
    registered_at    timestamptz NOT NULL,
    held_until       timestamptz,
    disclosed_at     timestamptz,
    CONSTRAINT authority_register_position UNIQUE (position)
);

-- The decisions each request led to; held: linked while its disclosure was delayed.
CREATE TABLE authority_action (
    request_id       uuid        NOT NULL,
    decision_id      uuid        NOT NULL,
    linked_at        timestamptz NOT NULL,
    PRIMARY KEY (request_id, decision_id)
);

-- Per day (UTC) and rule (id@version, '' for decisions by people alone): what the portal's
-- statistics need beyond transparency_rollup: appeals per rule and their times, reinstatements
-- with and without an appeal. time_to_decide_appeal counts appeals decided by how long they
-- waited since filing, in the buckets of RollupCounts.
CREATE TABLE rule_rollup (
    day                       date   NOT NULL,
    rule                      text   NOT NULL,
    decisions                 bigint NOT NULL,
    appeals_filed             bigint NOT NULL,
    appeals_decided           bigint NOT NULL,
    appeals_upheld            bigint NOT NULL,
    appeals_reversed          bigint NOT NULL,
    appeals_modified          bigint NOT NULL,
    reinstated_on_appeal      bigint NOT NULL,
    reinstated_without_appeal bigint NOT NULL,
    time_to_decide_appeal     bigint[] NOT NULL,
    PRIMARY KEY (day, rule)
);

-- transparency_rollup once more, one dimension at a time (facet ALL with value '', AUTOMATION,
-- CATEGORY, SOURCE), so that the portal's statistics read a few rows a day.
CREATE TABLE transparency_facet (
    day              date     NOT NULL,
    facet            text     NOT NULL CHECK (facet IN ('ALL', 'AUTOMATION', 'CATEGORY', 'SOURCE')),
    value            text     NOT NULL,
    decisions        bigint   NOT NULL,
    appeals_filed    bigint   NOT NULL,
    appeals_decided  bigint   NOT NULL,
    appeals_upheld   bigint   NOT NULL,
    appeals_reversed bigint   NOT NULL,
    appeals_modified bigint   NOT NULL,
    reinstatements   bigint   NOT NULL,
    time_to_decide   bigint[] NOT NULL,
    PRIMARY KEY (day, facet, value)
);

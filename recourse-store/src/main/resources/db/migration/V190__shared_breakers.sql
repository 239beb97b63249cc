-- The circuit breakers that every process shares: the counts a breaker decides on come from
-- here, inside the sequencer's transaction, so that all rule workers together trip at the cap
-- and a process that starts again knows the cohorts of the last minutes.

-- Each subject's cohorts as last described (SubjectDescribed): its owner, and the network and
-- page the platform puts it in. Kept by its own projection, with a head of its own.
CREATE TABLE subject_cohort (
    subject          text        PRIMARY KEY,
    owner            text        NOT NULL,
    network          text,
    page             text
);

CREATE TABLE subject_cohort_head (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_position  bigint  NOT NULL CHECK (next_position >= 0)
);
INSERT INTO subject_cohort_head (singleton, next_position) VALUES (true, 0);

-- Each enforcing action of a rule version (a restrictive decision it took alone), written in the
-- transaction that stores the decision, with the subject's cohorts at that time. The breakers
-- count a rule version's actions since the minute began, and its different subjects per owner,
-- network and page within the cohort window, on these indexes.
CREATE TABLE rule_action (
    rule             text        NOT NULL,
    acted_at         timestamptz NOT NULL,
    subject          text        NOT NULL,
    owner            text,
    network          text,
    page             text
);
CREATE INDEX rule_action_time ON rule_action (rule, acted_at);
CREATE INDEX rule_action_owner ON rule_action (rule, owner, acted_at);
CREATE INDEX rule_action_network ON rule_action (rule, network, acted_at) WHERE network IS NOT NULL;
CREATE INDEX rule_action_page ON rule_action (rule, page, acted_at) WHERE page IS NOT NULL;

-- A reset empties the rule version's current minute, as a breaker in memory does: the baseline
-- then learns only the actions after it. An emptied minute keeps its row, with 0 actions.
ALTER TABLE rule_minute DROP CONSTRAINT rule_minute_actions_check;
ALTER TABLE rule_minute ADD CONSTRAINT rule_minute_actions_check CHECK (actions >= 0);

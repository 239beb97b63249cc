-- Every filter of the portal's search has an index that yields its decisions newest first, so that a search
-- whose filters match nothing reads nothing but an empty range of an index, instead of walking every decision
-- by position and finding none (DecisionSearchPlanTest checks the plans).

-- A rule with an appeal outcome: the combination people look for (how often did this rule get overturned?),
-- and one whose two filters are each common while the combination may be empty.
CREATE INDEX public_decision_rule_appeal ON public_decision (rule, appeal, position) WHERE rule <> '';

-- The appeal's state, NONE included (the old index left NONE out, so a search for decisions never appealed
-- had no index of its own).
DROP INDEX public_decision_appeal;
CREATE INDEX public_decision_appeal ON public_decision (appeal, position);

CREATE INDEX public_decision_ground ON public_decision (ground, position);
CREATE INDEX public_decision_automation ON public_decision (automation, position);

-- A decision may have restrictions of several kinds (joined by '+'): one partial index per kind. The search
-- writes the kind into its condition exactly as here, so that the planner can use them.
CREATE INDEX public_decision_visibility ON public_decision (position)
    WHERE 'VISIBILITY' = ANY (string_to_array(restriction_kind, '+'));
CREATE INDEX public_decision_monetary ON public_decision (position)
    WHERE 'MONETARY' = ANY (string_to_array(restriction_kind, '+'));
CREATE INDEX public_decision_service ON public_decision (position)
    WHERE 'SERVICE' = ANY (string_to_array(restriction_kind, '+'));
CREATE INDEX public_decision_account ON public_decision (position)
    WHERE 'ACCOUNT' = ANY (string_to_array(restriction_kind, '+'));

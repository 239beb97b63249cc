-- Every combination of the search's filters that a decision has ever had (the days aside): its rule and the
-- dimensions people filter by, as public_decision keeps them. A search with two filters or more looks up the
-- combinations that match them here, and then reads the newest decisions of each one through
-- public_decision_combination, a page at most per combination: its work is bounded by how many combinations
-- match, whatever the number of decisions, and a combination that never occurred reads no decision at all.
-- Before this, a rule with a filter it never occurs with (rule=X&ground=...) read every decision of the rule.
-- Kept by the trigger below, so that every way a row is written or its dimensions change (a decision taken, an
-- appeal, an authority's request disclosed) keeps it; a read-model version (ReadModel.VERSION 2) rebuilds the
-- rows written before.
CREATE TABLE decision_combination (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule             text NOT NULL,
    category         text NOT NULL,
    ground           text NOT NULL,
    restriction_kind text NOT NULL,
    automation       text NOT NULL,
    source           text NOT NULL,
    appeal           text NOT NULL,
    CONSTRAINT decision_combination_values UNIQUE (rule, category, ground, restriction_kind, automation, source, appeal)
);

-- NULL only in rows written before this migration, until the read model is rebuilt.
ALTER TABLE public_decision ADD COLUMN combination integer;
-- The day is carried so that a search by days reads the index only.
CREATE INDEX public_decision_combination ON public_decision (combination, position) INCLUDE (decided_at);

CREATE FUNCTION decision_combination_of() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT id INTO NEW.combination FROM decision_combination
        WHERE rule = NEW.rule AND category = NEW.category AND ground = NEW.ground AND restriction_kind = NEW.restriction_kind
          AND automation = NEW.automation AND source = NEW.source AND appeal = NEW.appeal;
    IF NEW.combination IS NULL THEN
        INSERT INTO decision_combination (rule, category, ground, restriction_kind, automation, source, appeal)
            VALUES (NEW.rule, NEW.category, NEW.ground, NEW.restriction_kind, NEW.automation, NEW.source, NEW.appeal)
            ON CONFLICT DO NOTHING RETURNING id INTO NEW.combination;
    END IF;
    IF NEW.combination IS NULL THEN
        -- Another transaction added it meanwhile.
        SELECT id INTO STRICT NEW.combination FROM decision_combination
            WHERE rule = NEW.rule AND category = NEW.category AND ground = NEW.ground AND restriction_kind = NEW.restriction_kind
              AND automation = NEW.automation AND source = NEW.source AND appeal = NEW.appeal;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER public_decision_combination BEFORE INSERT OR UPDATE OF rule, category, ground, restriction_kind, automation,
    source, appeal ON public_decision FOR EACH ROW EXECUTE FUNCTION decision_combination_of();

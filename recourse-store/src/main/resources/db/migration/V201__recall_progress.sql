-- The progress of each recall (docs/safeguards.md, "Recalls"), beside the safeguards' read model (rule_recall):
-- its number in the order recalls were started (the cursor of GET /v1/recalls), how many restrictions stood to be
-- lifted when it started (written in the transaction of its RecallStarted event), and why its last run failed, until
-- a run takes it up again. Done and lifted so far are rule_recall's completed_at and lifted.
CREATE TABLE recall_progress (
    number     bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    recall_id  uuid        PRIMARY KEY REFERENCES rule_recall (recall_id),
    -- Unknown (NULL) for the recalls started before this table.
    to_reverse bigint      CHECK (to_reverse >= 0),
    failure    text,
    failed_at  timestamptz,
    CHECK ((failure IS NULL) = (failed_at IS NULL))
);

INSERT INTO recall_progress (recall_id) SELECT recall_id FROM rule_recall ORDER BY started_at, recall_id;

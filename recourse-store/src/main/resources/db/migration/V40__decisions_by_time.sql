-- The decisions of a period, in time order, without reading every event: the DSA export, the
-- submitter and the daily dumps read decisions by day. Partial, so only decisions pay for it.
CREATE INDEX event_decision_time ON event (occurred_at, position) WHERE type = 'DecisionTaken';

-- No statement reads public_decision by its decided_at: the portal's searches test a decision's day with an expression
-- no index has and find the days' decisions by the span of positions in decision_day (V251), the safeguards read
-- rule_decision. The index was only written, in every decision's insert, with the twelve others of the table.
DROP INDEX public_decision_day;

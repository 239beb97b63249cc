-- The first and last log position of the decisions taken on each day (UTC), kept by the read model with the
-- decisions. The positions follow the decisions' times only roughly (each is stamped by its caller's clock), so a
-- search by days cannot compute positions from them; with these it reads the positions from the first of its
-- days to the last (and keeps its condition on the days), instead of walking from the newest decision back to a
-- day long ago. Filled for the decisions taken before by the rebuild of ReadModel.VERSION 2.
CREATE TABLE decision_day (
    day            date   PRIMARY KEY,
    first_position bigint NOT NULL,
    last_position  bigint NOT NULL,
    CHECK (first_position <= last_position)
);

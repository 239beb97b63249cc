-- What the DSA Transparency Database answered for each statement of reasons sent to it: ACCEPTED
-- with the uuid it gave (never sent again), or REFUSED with its errors (sent again on a later run).
-- position is the decision's event; puid its id, which the database keeps unique per platform.
CREATE TABLE dsa_submission (
    position      bigint      PRIMARY KEY,
    puid          text        NOT NULL UNIQUE,
    status        text        NOT NULL CHECK (status IN ('ACCEPTED', 'REFUSED')),
    -- The database's id of the statement; null when it answered that it already held the puid
    -- without saying under which uuid.
    uuid          text,
    errors        text,
    answered_at   timestamptz NOT NULL,
    CONSTRAINT dsa_submission_refused_says_why CHECK (status = 'ACCEPTED' OR errors IS NOT NULL)
);

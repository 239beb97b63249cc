-- Which reviewer works on which pending appeal, so that two do not decide the same one. A claim
-- lapses after a while (the service decides how long), so an abandoned appeal returns to the queue.
CREATE TABLE appeal_claim (
    appeal_id   uuid        PRIMARY KEY,
    api_key     uuid        NOT NULL REFERENCES api_key (id),
    claimed_at  timestamptz NOT NULL
);

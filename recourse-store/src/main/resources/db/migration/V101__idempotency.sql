-- The first answer to each write, by the key that made it and the Idempotency-Key it carried, so
-- that a retried request gets that answer again instead of acting twice.
CREATE TABLE idempotent_request (
    api_key       uuid        NOT NULL REFERENCES api_key (id),
    key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- SHA-256 of the method, the path and the body: the same key with another request is refused.
    request_hash  bytea       NOT NULL CHECK (length(request_hash) = 32),
    started_at    timestamptz NOT NULL,
    -- The answer; all null while the first request is still being answered.
    status        integer     CHECK (status BETWEEN 200 AND 499),
    content_type  text,
    body          bytea,
    -- The answer's further headers (Location, ...), as a JSON object of strings.
    headers       text,
    answered_at   timestamptz,
    PRIMARY KEY (api_key, key),
    CONSTRAINT idempotent_request_answer_whole CHECK (
        (status IS NULL) = (content_type IS NULL)
        AND (status IS NULL) = (body IS NULL)
        AND (status IS NULL) = (headers IS NULL)
        AND (status IS NULL) = (answered_at IS NULL))
);

-- For removing records older than the retention period.
CREATE INDEX idempotent_request_started_at ON idempotent_request (started_at);

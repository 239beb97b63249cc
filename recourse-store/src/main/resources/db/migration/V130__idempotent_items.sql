-- The answers to the items of a batch write (POST /v1/notices:batch), each stored in the same
-- transaction as the item's events, so that a retry of a batch whose first attempt died midway
-- answers the items already carried out with their first answers and carries out only the rest.
-- A single write's answer goes straight into idempotent_request, in its events' transaction.
CREATE TABLE idempotent_item (
    api_key       uuid        NOT NULL,
    key           text        NOT NULL,
    -- The item's index in the batch, from 0.
    item          integer     NOT NULL CHECK (item >= 0),
    status        integer     NOT NULL CHECK (status BETWEEN 200 AND 499),
    content_type  text        NOT NULL,
    body          bytea       NOT NULL,
    headers       text        NOT NULL,
    PRIMARY KEY (api_key, key, item),
    FOREIGN KEY (api_key, key) REFERENCES idempotent_request (api_key, key) ON DELETE CASCADE
);

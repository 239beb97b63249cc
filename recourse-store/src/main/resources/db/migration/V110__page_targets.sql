-- What the pages of people (recourse-server's page package) open: for each decision and each
-- notice, the key of the case stream it belongs to and the position of the event that recorded it. The
-- server fills it from the events, from page_target_head on, when a page asks for an id it does
-- not know yet; so a database that held events before this table catches up by itself.
CREATE TABLE page_target (
    kind       text   NOT NULL CHECK (kind IN ('DECISION', 'NOTICE')),
    id         uuid   NOT NULL,
    case_key   text   NOT NULL,
    position   bigint NOT NULL CHECK (position >= 0),
    PRIMARY KEY (kind, id)
);

-- The position up to which (exclusive) page_target has taken in the events.
CREATE TABLE page_target_head (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_position  bigint  NOT NULL CHECK (next_position >= 0)
);
INSERT INTO page_target_head (singleton, next_position) VALUES (true, 0);

-- The forms posted from people's pages, by their form token (one per page shown): a form posted
-- twice acts once, as an Idempotency-Key does for the API. appeal_id is what the post filed.
CREATE TABLE page_form_post (
    form_token  text        PRIMARY KEY CHECK (length(form_token) BETWEEN 1 AND 100),
    posted_at   timestamptz NOT NULL,
    appeal_id   uuid
);
CREATE INDEX page_form_post_posted_at ON page_form_post (posted_at);

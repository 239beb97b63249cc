-- The outbox's delivery queue: actions to the platform and messages to people, delivered at least
-- once from the events (see the server's dev.recourse.server.delivery).
--
-- The dispatcher reads events in position order from delivery_cursor.next_position, and in one
-- transaction puts what they ask to deliver into delivery and moves the cursor past them: nothing
-- committed is skipped, and a restart redelivers at most what was not yet taken in, which the
-- unique (position, channel) then drops.
CREATE TABLE delivery_cursor (
    name          text   PRIMARY KEY,
    next_position bigint NOT NULL CHECK (next_position >= 0)
);
INSERT INTO delivery_cursor (name, next_position) VALUES ('outbox', 0);

CREATE TABLE delivery (
    -- Orders the deliveries for paging; never shown.
    number          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- The webhook-id of every attempt, the same across retries.
    id              uuid        PRIMARY KEY,
    -- The event that asked for it.
    position        bigint      NOT NULL CHECK (position >= 0),
    channel         text        NOT NULL CHECK (channel IN ('actions', 'messages', 'email')),
    -- What it is: action.apply, action.lift, message.decision, ...
    type            text        NOT NULL,
    -- What is sent: the webhook's JSON body, or the e-mail as JSON (it holds the address: personal data).
    -- A message's body is emptied once it is delivered.
    body            bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    -- pending: not yet accepted (waiting for its next attempt); delivered: accepted by the receiver;
    -- applied, failed: the platform acknowledged an action; dead: gave up after the most attempts.
    state           text        NOT NULL CHECK (state IN ('pending', 'delivered', 'applied', 'failed', 'dead')),
    -- Attempts that failed since it was made or last replayed: they set the backoff and the dead end.
    failures        integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    -- When a pending delivery is next tried; a claimed one is pushed out by the claim's lease.
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    -- When it ran out of attempts, while dead.
    dead_at         timestamptz,
    acknowledged_at timestamptz,
    -- Why the platform could not apply an action (acknowledged failed).
    failure_reason  text,
    UNIQUE (position, channel),
    CHECK ((state = 'pending') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX delivery_by_state ON delivery (channel, state, number);

-- Every attempt of a delivery, as the receiver answered it.
CREATE TABLE delivery_attempt (
    delivery  uuid        NOT NULL REFERENCES delivery (id),
    number    integer     NOT NULL CHECK (number >= 1),
    at        timestamptz NOT NULL,
    accepted  boolean     NOT NULL,
    -- What the receiver answered: an HTTP status or an SMTP reply, or why nothing was answered.
    detail    text        NOT NULL,
    PRIMARY KEY (delivery, number)
);

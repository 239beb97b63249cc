-- The keys that open the HTTP API (Authorization: Bearer <key>), one role each.
--
-- A key is 32 random bytes; only its SHA-256 is kept. A key drawn uniformly from 2^256 cannot be
-- found from its hash by guessing, so a fast hash is enough and lets a request find its key by
-- an index lookup; a slow password hash would only cost every request time. Numbered 100 and
-- up so that the HTTP API's tables never clash with the domain's migrations.
CREATE TABLE api_key (
    -- Orders the keys for paging; never shown.
    number      bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    id          uuid        PRIMARY KEY,
    key_hash    bytea       NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    -- Who holds it: a person's pseudonym, a platform's or a tool's name. Public in decisions
    -- made with it, so never a real name.
    name        text        NOT NULL CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    role        text        NOT NULL CHECK (role IN ('platform', 'moderator', 'senior_moderator',
                                'appeal_reviewer', 'policy_author', 'auditor', 'admin')),
    created_at  timestamptz NOT NULL,
    -- The key of the admin who made it; null for the first admin key, made by `recourse serve`.
    created_by  uuid        REFERENCES api_key (id),
    revoked_at  timestamptz
);

-- Every version of every policy (docs/policies.md), as its authors submitted it: the YAML source, kept
-- unchanged forever, so that any decision's rule id@version can be read back as it was. A version is
-- stored only after it compiled; the newest version of each policy is the active one.
CREATE TABLE policy_version (
    -- The order of submission: the newest of a name is active.
    number        bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    name          text        NOT NULL CHECK (name ~ '^[A-Za-z0-9._/-]{1,128}$'),
    version       text        NOT NULL CHECK (version ~ '^[A-Za-z0-9._+-]{1,64}$'),
    source        text        NOT NULL,
    source_sha256 bytea       NOT NULL CHECK (length(source_sha256) = 32),
    submitted_at  timestamptz NOT NULL,
    -- The API key's holder (a pseudonym), or "file:" and the file's name for the policies directory.
    submitted_by  text        NOT NULL,
    PRIMARY KEY (name, version)
);

-- The rate limit's budgets when every API node shares them (http.rate-limit-store=database): one row
-- per caller (an API key, or an address without one), by the generic cell rate algorithm: `tat` is the
-- caller's theoretical arrival time in nanoseconds since the epoch; a request is allowed when the new
-- one stays within the burst of now. A row whose `tat` has passed is the same as none, so those are
-- deleted now and then.
--
-- UNLOGGED: a budget is worth nothing after a crash (it is empty, so callers get their whole burst
-- again), and without WAL an update costs no disk flush at commit. Half-full pages leave room for the
-- updates to stay on their page (HOT).
CREATE UNLOGGED TABLE rate_limit_budget (
    caller  text    PRIMARY KEY,
    tat     bigint  NOT NULL,
    -- Whether the last request was allowed: what the one statement that takes a request returns.
    allowed boolean NOT NULL
) WITH (fillfactor = 50);

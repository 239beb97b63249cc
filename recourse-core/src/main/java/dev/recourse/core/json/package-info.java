/**
 * A small JSON value model, its canonical form (RFC 8785, JSON Canonicalization Scheme) and a strict reader of
 * RFC 8259 text ({@link dev.recourse.core.json.Json#parse}), used for the public log entries, the private records they
 * commit to, and the events a store keeps.
 */
package dev.recourse.core.json;

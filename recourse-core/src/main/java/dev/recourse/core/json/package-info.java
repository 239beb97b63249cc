/**
 * A small JSON value model and its canonical form (RFC 8785, JSON Canonicalization Scheme), used for the
 * public log entries and the private records they commit to.
 */
package dev.recourse.core.json;

/**
 * Log entries: each event splits into a public part (type, time, pseudonymous ids, the DSA-shaped statement, the
 * deciders; no personal data) and a private record (the whole event, with names, contacts and texts). The public entry
 * is canonical JSON (RFC 8785) carrying {@code commit = SHA-256(salt || canonical private record)}; erasing personal
 * data deletes the private record and the salt, and the log stays verifiable. {@link dev.recourse.core.entry.EventCodec}
 * writes and reads the private record: it is also the form in which a store keeps events.
 */
package dev.recourse.core.entry;

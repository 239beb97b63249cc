package dev.recourse.core.authority;

import java.time.Instant;

/**
 * A recorded reason to delay the public disclosure of an authority request, with an end: holds expire.
 *
 * @param until when the hold ends and the request is disclosed
 * @param reason why disclosure is delayed (e.g. the order forbids it during an investigation), for the record
 */
public record LegalHold(Instant until, String reason) {}

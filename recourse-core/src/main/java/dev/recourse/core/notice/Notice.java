package dev.recourse.core.notice;

import java.time.Instant;
import java.util.Optional;

/**
 * A report that a subject is illegal or against the terms.
 *
 * @param id the notice's id
 * @param source who sent it
 * @param contact how to reach the sender, if they gave it (private)
 * @param explanation the sender's explanation (private: it may quote the content or name people)
 * @param received when it arrived
 */
public record Notice(NoticeId id, NoticeSource source, Optional<Contact> contact, String explanation, Instant received) {}

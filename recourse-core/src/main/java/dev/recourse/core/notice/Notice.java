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
 * @param location the exact location of the content (Art. 16(2)(b)); empty for an authority's request that gave none,
 *     and for notices received before locations were recorded
 * @param goodFaith the notifier's statement of good faith (Art. 16(2)(d)); empty for an authority's request, and for
 *     notices received before the statement was recorded
 */
public record Notice(NoticeId id, NoticeSource source, Optional<Contact> contact, String explanation, Instant received,
        Optional<Location> location, Optional<GoodFaith> goodFaith) {}

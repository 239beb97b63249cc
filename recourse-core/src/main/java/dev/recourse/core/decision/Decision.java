package dev.recourse.core.decision;

import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.NoticeId;
import java.time.Instant;
import java.util.Set;

/**
 * A decision about a case's subject.
 *
 * @param id its id, also its DSA puid
 * @param decidedAt when it took effect
 * @param notices the notices it answers
 * @param detections the detections it relied on
 * @param outcome what it did, with reasons and deciders
 */
public record Decision(DecisionId id, Instant decidedAt, Set<NoticeId> notices, Set<DetectionId> detections, Outcome outcome) {
    public Decision {
        notices = Set.copyOf(notices);
        detections = Set.copyOf(detections);
    }
}

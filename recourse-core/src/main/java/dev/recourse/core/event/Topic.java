package dev.recourse.core.event;

/** What a person is told about. */
public enum Topic {
    /** Their notice was received (DSA Art. 16(4)). */
    NOTICE_RECEIVED,
    /** A decision with its statement of reasons (Art. 17), or the decision on their notice (Art. 16(5)). */
    DECISION,
    /** Their appeal was received. */
    APPEAL_RECEIVED,
    /** The outcome of an appeal, with the reviewer's reasons (Art. 20(5)). */
    APPEAL_OUTCOME,
    /** A restriction was lifted and the subject restored, and why. */
    RESTORED,
    /** A warning about manifestly unfounded notices (Art. 23(2)). */
    MISUSE_WARNING,
    /** The processing of their notices is suspended for a time (Art. 23(2)). */
    NOTICES_SUSPENDED,
    /** A recall undid an automated decision about them: the restriction is lifted, with the recall's reasons and an apology. */
    RECALLED,
    /** A person reversed a decision on their own initiative, outside any appeal: the restriction is lifted, and why. */
    CORRECTED
}

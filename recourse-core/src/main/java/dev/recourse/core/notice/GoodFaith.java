package dev.recourse.core.notice;

/**
 * The notifier's statement of good faith (DSA Art. 16(2)(d)): that they believe the information and allegations in
 * their notice are accurate and complete. A notice without it is not a notice of Art. 16; there is therefore one
 * constant, and a notice either holds it or (if received before it was recorded) holds nothing.
 */
public enum GoodFaith {
    /** The notifier affirmed the statement when they sent the notice. */
    AFFIRMED
}

package dev.recourse.core.subject;

/** The kind of thing a subject is. */
public enum SubjectKind {
    /** A piece of content: a post, a comment, a video, a listing. */
    CONTENT,
    /** A user's account. */
    ACCOUNT,
    /** A page, group or channel. */
    PAGE
}

package dev.recourse.core.authority;

/** How an authority asks. */
public enum AuthorityKind {
    /** A binding order to act against illegal content (DSA Art. 9). */
    ORDER,
    /** A request by a government body without a binding order. */
    GOVERNMENT_REQUEST
}

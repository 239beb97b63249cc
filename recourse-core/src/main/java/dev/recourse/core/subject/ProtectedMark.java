package dev.recourse.core.subject;

/** Why a subject is protected: account- or page-level actions on it are high-impact. */
public enum ProtectedMark {
    JOURNALIST,
    ELECTED_OFFICIAL,
    CIVIC_ORGANISATION
}

package dev.recourse.bench.load;

import java.util.Locale;

/** The kinds of request the load mixes, with their shares of it. */
enum Kind {
    /** {@code GET /v1/cases/{id}} of a case made before. */
    READ(40),
    /** {@code POST /v1/notices} about a new post. */
    NOTICE(35),
    /** {@code POST /v1/decisions}: removes a post a notice was sent about. */
    DECISION(20),
    /** {@code POST /v1/appeals}: the owner appeals a removal. */
    APPEAL(5);

    /** Percent of all requests. */
    final int percent;

    Kind(int percent) {
        this.percent = percent;
    }

    /** The kind of the request whose draw from 0 to 99 is {@code percentile}. */
    static Kind of(int percentile) {
        int upTo = 0;
        for (Kind kind : values()) {
            upTo += kind.percent;
            if (percentile < upTo) {
                return kind;
            }
        }
        throw new IllegalArgumentException("a percentile is 0 to 99, not " + percentile);
    }

    /** Its name in the results. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.recourse.core.safeguard;

import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of subjects that the cohort check of a circuit breaker counts together: those of one owner, of one network,
 * or on one page. Many different subjects of one cohort acted on by one rule version in a short window are the shape of
 * an automation error (the pages of one organisation, the accounts of one newsroom's editors).
 *
 * <p>Its key is the platform's identifier of an account, a network or a page: it belongs in private records, never in
 * public log entries, which name only the {@link #grouping}.
 */
public sealed interface Cohort {
    /** The subjects of one owner. */
    record Owner(AccountId owner) implements Cohort {}

    /** The subjects the platform puts in one network. */
    record Network(NetworkId network) implements Cohort {}

    /** The subjects on one page. */
    record Page(SubjectRef page) implements Cohort {
        public Page {
            if (page.kind() != SubjectKind.PAGE) {
                throw new IllegalArgumentException("a page cohort is of a page, not of " + page);
            }
        }
    }

    /** The cohorts {@code subject} is in: its owner's, then its network's and its page's if it has them. */
    static List<Cohort> of(Subject subject) {
        List<Cohort> cohorts = new ArrayList<>(3);
        cohorts.add(new Owner(subject.owner()));
        subject.network().ifPresent(n -> cohorts.add(new Network(n)));
        subject.page().ifPresent(p -> cohorts.add(new Page(p)));
        return cohorts;
    }

    /** Which grouping this is, as the public figures name it: {@code owner}, {@code network} or {@code page}. */
    default String grouping() {
        return switch (this) {
            case Owner ignored -> "owner";
            case Network ignored -> "network";
            case Page ignored -> "page";
        };
    }
}

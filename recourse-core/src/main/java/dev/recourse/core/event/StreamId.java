package dev.recourse.core.event;

import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.SubjectRef;

/**
 * Names one stream of events: the events of one aggregate.
 *
 * @param kind which kind of aggregate
 * @param key the aggregate's key within its kind
 */
public record StreamId(Kind kind, String key) {
    /** The kinds of aggregate. */
    public enum Kind {
        /** A case: one subject; key {@code kind:platformId}. */
        CASE,
        /** An authority request; key its id. */
        AUTHORITY_REQUEST,
        /** An account's strikes; key the account id. */
        ACCOUNT,
        /** A notifier's record; key the notifier id. */
        NOTIFIER,
        /** A rule version's safeguards: its breaker and recalls; key {@code id@version}. */
        RULE,
        /** A policy version; key {@code name@version}. */
        POLICY
    }

    public StreamId {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a stream has a key");
        }
    }

    /** The stream of the case about {@code subject}. */
    public static StreamId of(SubjectRef subject) {
        return new StreamId(Kind.CASE, subject.toString());
    }

    /** The stream of an authority request. */
    public static StreamId of(AuthorityRequestId request) {
        return new StreamId(Kind.AUTHORITY_REQUEST, request.toString());
    }

    /** The stream of an account's strikes. */
    public static StreamId of(AccountId account) {
        return new StreamId(Kind.ACCOUNT, account.value());
    }

    /** The stream of a notifier's record. */
    public static StreamId of(NotifierId notifier) {
        return new StreamId(Kind.NOTIFIER, notifier.value());
    }

    /** The stream of a rule version's safeguards. */
    public static StreamId of(Versioned rule) {
        return new StreamId(Kind.RULE, rule.toString());
    }

    /** The stream of a policy version. */
    public static StreamId ofPolicy(Versioned policy) {
        return new StreamId(Kind.POLICY, policy.toString());
    }

    @Override
    public String toString() {
        return kind + "/" + key;
    }
}

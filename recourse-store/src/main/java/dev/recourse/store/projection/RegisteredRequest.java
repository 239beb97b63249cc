package dev.recourse.store.projection;

import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.subject.SubjectKind;

import java.time.Instant;
import java.util.List;

/** An authority's request as the public register shows it: in full once disclosed, and only its existence while held. */
public sealed interface RegisteredRequest {
    /** The request. */
    AuthorityRequestId id();

    /** When it was registered. */
    Instant registeredAt();

    /**
     * A request whose disclosure a legal hold delays: that it exists, and when the hold ends; nothing else.
     *
     * @param until when the hold ends
     */
    record Held(AuthorityRequestId id, Instant registeredAt, Instant until) implements RegisteredRequest {}

    /**
     * A disclosed request.
     *
     * @param kind a binding order or a government's request
     * @param authority the body's official name
     * @param country the state it acts for, ISO 3166-1 alpha-2
     * @param legalBasis the law it cites
     * @param subject what kind of thing it asked about
     * @param heldUntil the end of the hold that delayed its disclosure, if one did
     * @param disclosedAt when it was disclosed
     * @param decisions the decisions it led to, oldest first
     */
    record Disclosed(AuthorityRequestId id, Instant registeredAt, AuthorityKind kind, String authority, String country,
                     String legalBasis, SubjectKind subject, java.util.Optional<Instant> heldUntil, Instant disclosedAt,
                     List<PublicDecision> decisions) implements RegisteredRequest {
        public Disclosed {
            decisions = List.copyOf(decisions);
        }
    }
}

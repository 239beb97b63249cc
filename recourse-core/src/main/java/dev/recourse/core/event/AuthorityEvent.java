package dev.recourse.core.event;

import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.notice.NoticeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An event of the register of authority requests. */
public sealed interface AuthorityEvent extends Event {
    /** The request. */
    AuthorityRequestId request();

    /** A request was registered, naming the authority and legal basis; a hold, if any, delays its disclosure. */
    record AuthorityRequestRegistered(AuthorityRequestId request, AuthorityKind kind, Authority authority, LegalBasis legalBasis,
            CaseId caseId, NoticeId notice, Optional<LegalHold> hold, Instant at) implements AuthorityEvent {}

    /** A decision the request caused; {@code held} says whether disclosure was still delayed then. */
    record AuthorityActionLinked(AuthorityRequestId request, CaseId caseId, DecisionId decision, List<RestrictionId> restrictions,
            boolean held, Instant at) implements AuthorityEvent {
        public AuthorityActionLinked {
            restrictions = List.copyOf(restrictions);
        }
    }

    /** The legal hold on a request ended. */
    record LegalHoldExpired(AuthorityRequestId request, Instant at) implements AuthorityEvent {}

    /** The request is disclosed publicly: the authority, the legal basis, the case and the decisions it caused so far. */
    record AuthorityRequestDisclosed(AuthorityRequestId request, AuthorityKind kind, Authority authority, LegalBasis legalBasis,
            CaseId caseId, List<DecisionId> decisions, Instant at) implements AuthorityEvent {
        public AuthorityRequestDisclosed {
            decisions = List.copyOf(decisions);
        }
    }
}

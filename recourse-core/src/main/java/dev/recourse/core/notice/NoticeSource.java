package dev.recourse.core.notice;

import dev.recourse.core.Ids;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.authority.LegalBasis;

/** Who sent a notice. */
public sealed interface NoticeSource {
    /** Any user of the service (DSA Art. 16). */
    record User(NotifierId notifier) implements NoticeSource {}

    /** A trusted flagger (DSA Art. 22), an organisation whose name is public. */
    record TrustedFlagger(NotifierId notifier, String organisation) implements NoticeSource {
        public TrustedFlagger {
            Ids.platformId("a trusted flagger's organisation", organisation);
        }
    }

    /** An authority's order or a government's request, registered as {@code request}; it names the body and the law. */
    record FromAuthority(AuthorityRequestId request, AuthorityKind kind, Authority authority, LegalBasis legalBasis)
            implements NoticeSource {}
}

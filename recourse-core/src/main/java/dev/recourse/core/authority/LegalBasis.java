package dev.recourse.core.authority;

import dev.recourse.core.Ids;

/** The law under which an authority acts, as it cites it (e.g. "§ 3 NetzDG", "Art. 9 DSA with § 130 StGB"). */
public record LegalBasis(String citation) {
    public LegalBasis {
        Ids.text("a legal basis", citation);
    }
}

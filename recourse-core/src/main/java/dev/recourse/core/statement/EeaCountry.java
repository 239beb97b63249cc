package dev.recourse.core.statement;

/**
 * A country of the European Economic Area as the DSA {@code territorial_scope} names it (ISO 3166-1 alpha-2).
 *
 * <p>The constants are spelled exactly as the DSA Transparency Database spells the values.
 */
public enum EeaCountry implements DsaCode {
    AT,
    BE,
    BG,
    CY,
    CZ,
    DE,
    DK,
    EE,
    ES,
    FI,
    FR,
    GR,
    HR,
    HU,
    IE,
    IT,
    LT,
    LU,
    LV,
    MT,
    NL,
    PL,
    PT,
    RO,
    SE,
    SI,
    SK,
    IS,
    LI,
    NO
}

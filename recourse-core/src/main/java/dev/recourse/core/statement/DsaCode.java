package dev.recourse.core.statement;

/**
 * A value of one of the DSA Transparency Database's enumerations. The implementing enums spell their
 * constants exactly as the database does, so the constant's name is the value sent.
 */
public sealed interface DsaCode permits DecisionVisibility, DecisionMonetary, DecisionProvision, DecisionAccount,
        AccountType, DecisionGround, ContentType, Category, Keyword, SourceType, AutomatedDecision, EeaCountry, YesNo {

    /** The value as the database spells it. */
    default String dsaValue() {
        return ((Enum<?>) this).name();
    }
}

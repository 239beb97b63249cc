package dev.recourse.core.statement;

import dev.recourse.core.FieldError;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DSA Transparency Database part of a statement of reasons (schema v2), one component per database field,
 * in the database's order. Every field may be absent here (an empty {@code Optional} or set), so that a statement
 * being drafted can be held and checked; {@link #problems()} applies the database's rules, and a
 * {@link StatementOfReasons} only ever holds a statement without problems.
 *
 * <p>Enumerated values are typed ({@link DsaCode}); free-form codes (country codes, the language, the puid, the
 * URL, the EAN-13) are held as given so that their rules can be checked and named. Sets of enumerated values are
 * held, and exported, in the database's order.
 */
public record DsaStatement(
        Set<DecisionVisibility> decisionVisibility,
        Optional<String> decisionVisibilityOther,
        Optional<DecisionMonetary> decisionMonetary,
        Optional<String> decisionMonetaryOther,
        Optional<DecisionProvision> decisionProvision,
        Optional<DecisionAccount> decisionAccount,
        Optional<AccountType> accountType,
        Optional<LocalDate> endDateVisibilityRestriction,
        Optional<LocalDate> endDateMonetaryRestriction,
        Optional<LocalDate> endDateServiceRestriction,
        Optional<LocalDate> endDateAccountRestriction,
        Optional<DecisionGround> decisionGround,
        Optional<String> illegalContentLegalGround,
        Optional<String> illegalContentExplanation,
        Optional<String> incompatibleContentGround,
        Optional<String> incompatibleContentExplanation,
        Optional<YesNo> incompatibleContentIllegal,
        Optional<String> decisionGroundReferenceUrl,
        Set<ContentType> contentType,
        Optional<String> contentTypeOther,
        Optional<Category> category,
        Set<Category> categoryAddition,
        Set<Keyword> categorySpecification,
        Optional<String> categorySpecificationOther,
        List<String> territorialScope,
        Optional<String> contentLanguage,
        Optional<LocalDate> contentDate,
        Optional<LocalDate> applicationDate,
        Optional<String> decisionFacts,
        Optional<SourceType> sourceType,
        Optional<String> sourceIdentity,
        Optional<YesNo> automatedDetection,
        Optional<AutomatedDecision> automatedDecision,
        Optional<String> puid,
        Optional<String> contentIdEan13) {

    public DsaStatement {
        decisionVisibility = ordered(decisionVisibility, DecisionVisibility.class);
        contentType = ordered(contentType, ContentType.class);
        categoryAddition = ordered(categoryAddition, Category.class);
        categorySpecification = ordered(categorySpecification, Keyword.class);
        territorialScope = List.copyOf(territorialScope);
    }

    private static <E extends Enum<E>> Set<E> ordered(Collection<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return Collections.unmodifiableSet(set);
    }

    /** Every rule of the database this statement breaks, each naming the DSA field; empty when it would be accepted. */
    public List<FieldError> problems() {
        return DsaRules.check(this);
    }

    /** Whether the database's rules drop {@code field} from this statement (it is not sent even if present). */
    public boolean drops(DsaField field) {
        return DsaRules.drops(this, field);
    }

    /**
     * The fields as the database receives them, in its order, keyed by {@link DsaField}: absent fields and fields
     * the rules drop (see {@link #drops}) are left out; enumerations are spelled as the database spells them,
     * dates as {@code YYYY-MM-DD}, {@code content_id} as {@code {"EAN-13": "..."}}. An exporter sends exactly this.
     */
    public java.util.SequencedMap<DsaField, dev.recourse.core.json.Json> dsaFields() {
        return DsaJson.fields(this);
    }

    /** {@link #dsaFields()} as one JSON object with the database's field names: the body of one submission. */
    public dev.recourse.core.json.Json.Obj toDsaJson() {
        return DsaJson.toJson(this);
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this statement's fields, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.decisionVisibility = decisionVisibility;
        b.decisionVisibilityOther = decisionVisibilityOther;
        b.decisionMonetary = decisionMonetary;
        b.decisionMonetaryOther = decisionMonetaryOther;
        b.decisionProvision = decisionProvision;
        b.decisionAccount = decisionAccount;
        b.accountType = accountType;
        b.endDateVisibilityRestriction = endDateVisibilityRestriction;
        b.endDateMonetaryRestriction = endDateMonetaryRestriction;
        b.endDateServiceRestriction = endDateServiceRestriction;
        b.endDateAccountRestriction = endDateAccountRestriction;
        b.decisionGround = decisionGround;
        b.illegalContentLegalGround = illegalContentLegalGround;
        b.illegalContentExplanation = illegalContentExplanation;
        b.incompatibleContentGround = incompatibleContentGround;
        b.incompatibleContentExplanation = incompatibleContentExplanation;
        b.incompatibleContentIllegal = incompatibleContentIllegal;
        b.decisionGroundReferenceUrl = decisionGroundReferenceUrl;
        b.contentType = contentType;
        b.contentTypeOther = contentTypeOther;
        b.category = category;
        b.categoryAddition = categoryAddition;
        b.categorySpecification = categorySpecification;
        b.categorySpecificationOther = categorySpecificationOther;
        b.territorialScope = territorialScope;
        b.contentLanguage = contentLanguage;
        b.contentDate = contentDate;
        b.applicationDate = applicationDate;
        b.decisionFacts = decisionFacts;
        b.sourceType = sourceType;
        b.sourceIdentity = sourceIdentity;
        b.automatedDetection = automatedDetection;
        b.automatedDecision = automatedDecision;
        b.puid = puid;
        b.contentIdEan13 = contentIdEan13;
        return b;
    }

    /** Builds a {@link DsaStatement} field by field; setting {@code null} makes a field absent. */
    public static final class Builder {
        private Set<DecisionVisibility> decisionVisibility = Set.of();
        private Optional<String> decisionVisibilityOther = Optional.empty();
        private Optional<DecisionMonetary> decisionMonetary = Optional.empty();
        private Optional<String> decisionMonetaryOther = Optional.empty();
        private Optional<DecisionProvision> decisionProvision = Optional.empty();
        private Optional<DecisionAccount> decisionAccount = Optional.empty();
        private Optional<AccountType> accountType = Optional.empty();
        private Optional<LocalDate> endDateVisibilityRestriction = Optional.empty();
        private Optional<LocalDate> endDateMonetaryRestriction = Optional.empty();
        private Optional<LocalDate> endDateServiceRestriction = Optional.empty();
        private Optional<LocalDate> endDateAccountRestriction = Optional.empty();
        private Optional<DecisionGround> decisionGround = Optional.empty();
        private Optional<String> illegalContentLegalGround = Optional.empty();
        private Optional<String> illegalContentExplanation = Optional.empty();
        private Optional<String> incompatibleContentGround = Optional.empty();
        private Optional<String> incompatibleContentExplanation = Optional.empty();
        private Optional<YesNo> incompatibleContentIllegal = Optional.empty();
        private Optional<String> decisionGroundReferenceUrl = Optional.empty();
        private Set<ContentType> contentType = Set.of();
        private Optional<String> contentTypeOther = Optional.empty();
        private Optional<Category> category = Optional.empty();
        private Set<Category> categoryAddition = Set.of();
        private Set<Keyword> categorySpecification = Set.of();
        private Optional<String> categorySpecificationOther = Optional.empty();
        private List<String> territorialScope = List.of();
        private Optional<String> contentLanguage = Optional.empty();
        private Optional<LocalDate> contentDate = Optional.empty();
        private Optional<LocalDate> applicationDate = Optional.empty();
        private Optional<String> decisionFacts = Optional.empty();
        private Optional<SourceType> sourceType = Optional.empty();
        private Optional<String> sourceIdentity = Optional.empty();
        private Optional<YesNo> automatedDetection = Optional.empty();
        private Optional<AutomatedDecision> automatedDecision = Optional.empty();
        private Optional<String> puid = Optional.empty();
        private Optional<String> contentIdEan13 = Optional.empty();

        private Builder() {}

        /** Sets {@code decision_visibility}. */
        public Builder decisionVisibility(Collection<DecisionVisibility> v) { decisionVisibility = Set.copyOf(v); return this; }
        /** Sets {@code decision_visibility_other}. */
        public Builder decisionVisibilityOther(String v) { decisionVisibilityOther = Optional.ofNullable(v); return this; }
        /** Sets {@code decision_monetary}. */
        public Builder decisionMonetary(DecisionMonetary v) { decisionMonetary = Optional.ofNullable(v); return this; }
        /** Sets {@code decision_monetary_other}. */
        public Builder decisionMonetaryOther(String v) { decisionMonetaryOther = Optional.ofNullable(v); return this; }
        /** Sets {@code decision_provision}. */
        public Builder decisionProvision(DecisionProvision v) { decisionProvision = Optional.ofNullable(v); return this; }
        /** Sets {@code decision_account}. */
        public Builder decisionAccount(DecisionAccount v) { decisionAccount = Optional.ofNullable(v); return this; }
        /** Sets {@code account_type}. */
        public Builder accountType(AccountType v) { accountType = Optional.ofNullable(v); return this; }
        /** Sets {@code end_date_visibility_restriction}. */
        public Builder endDateVisibilityRestriction(LocalDate v) { endDateVisibilityRestriction = Optional.ofNullable(v); return this; }
        /** Sets {@code end_date_monetary_restriction}. */
        public Builder endDateMonetaryRestriction(LocalDate v) { endDateMonetaryRestriction = Optional.ofNullable(v); return this; }
        /** Sets {@code end_date_service_restriction}. */
        public Builder endDateServiceRestriction(LocalDate v) { endDateServiceRestriction = Optional.ofNullable(v); return this; }
        /** Sets {@code end_date_account_restriction}. */
        public Builder endDateAccountRestriction(LocalDate v) { endDateAccountRestriction = Optional.ofNullable(v); return this; }
        /** Sets {@code decision_ground}. */
        public Builder decisionGround(DecisionGround v) { decisionGround = Optional.ofNullable(v); return this; }
        /** Sets {@code illegal_content_legal_ground}. */
        public Builder illegalContentLegalGround(String v) { illegalContentLegalGround = Optional.ofNullable(v); return this; }
        /** Sets {@code illegal_content_explanation}. */
        public Builder illegalContentExplanation(String v) { illegalContentExplanation = Optional.ofNullable(v); return this; }
        /** Sets {@code incompatible_content_ground}. */
        public Builder incompatibleContentGround(String v) { incompatibleContentGround = Optional.ofNullable(v); return this; }
        /** Sets {@code incompatible_content_explanation}. */
        public Builder incompatibleContentExplanation(String v) { incompatibleContentExplanation = Optional.ofNullable(v); return this; }
        /** Sets {@code incompatible_content_illegal}. */
        public Builder incompatibleContentIllegal(YesNo v) { incompatibleContentIllegal = Optional.ofNullable(v); return this; }
        /** Sets {@code decision_ground_reference_url}. */
        public Builder decisionGroundReferenceUrl(String v) { decisionGroundReferenceUrl = Optional.ofNullable(v); return this; }
        /** Sets {@code content_type}. */
        public Builder contentType(Collection<ContentType> v) { contentType = Set.copyOf(v); return this; }
        /** Sets {@code content_type_other}. */
        public Builder contentTypeOther(String v) { contentTypeOther = Optional.ofNullable(v); return this; }
        /** Sets {@code category}. */
        public Builder category(Category v) { category = Optional.ofNullable(v); return this; }
        /** Sets {@code category_addition}. */
        public Builder categoryAddition(Collection<Category> v) { categoryAddition = Set.copyOf(v); return this; }
        /** Sets {@code category_specification}. */
        public Builder categorySpecification(Collection<Keyword> v) { categorySpecification = Set.copyOf(v); return this; }
        /** Sets {@code category_specification_other}. */
        public Builder categorySpecificationOther(String v) { categorySpecificationOther = Optional.ofNullable(v); return this; }
        /** Sets {@code territorial_scope}. */
        public Builder territorialScope(List<String> v) { territorialScope = List.copyOf(v); return this; }
        /** Sets {@code content_language}. */
        public Builder contentLanguage(String v) { contentLanguage = Optional.ofNullable(v); return this; }
        /** Sets {@code content_date}. */
        public Builder contentDate(LocalDate v) { contentDate = Optional.ofNullable(v); return this; }
        /** Sets {@code application_date}. */
        public Builder applicationDate(LocalDate v) { applicationDate = Optional.ofNullable(v); return this; }
        /** Sets {@code decision_facts}. */
        public Builder decisionFacts(String v) { decisionFacts = Optional.ofNullable(v); return this; }
        /** Sets {@code source_type}. */
        public Builder sourceType(SourceType v) { sourceType = Optional.ofNullable(v); return this; }
        /** Sets {@code source_identity}. */
        public Builder sourceIdentity(String v) { sourceIdentity = Optional.ofNullable(v); return this; }
        /** Sets {@code automated_detection}. */
        public Builder automatedDetection(YesNo v) { automatedDetection = Optional.ofNullable(v); return this; }
        /** Sets {@code automated_decision}. */
        public Builder automatedDecision(AutomatedDecision v) { automatedDecision = Optional.ofNullable(v); return this; }
        /** Sets {@code puid}. */
        public Builder puid(String v) { puid = Optional.ofNullable(v); return this; }
        /** Sets {@code content_id}'s EAN-13. */
        public Builder contentIdEan13(String v) { contentIdEan13 = Optional.ofNullable(v); return this; }

        /** The statement; it may still have {@link DsaStatement#problems() problems}. */
        public DsaStatement build() {
            return new DsaStatement(decisionVisibility, decisionVisibilityOther, decisionMonetary, decisionMonetaryOther,
                    decisionProvision, decisionAccount, accountType, endDateVisibilityRestriction, endDateMonetaryRestriction,
                    endDateServiceRestriction, endDateAccountRestriction, decisionGround, illegalContentLegalGround,
                    illegalContentExplanation, incompatibleContentGround, incompatibleContentExplanation,
                    incompatibleContentIllegal, decisionGroundReferenceUrl, contentType, contentTypeOther, category,
                    categoryAddition, categorySpecification, categorySpecificationOther, territorialScope, contentLanguage,
                    contentDate, applicationDate, decisionFacts, sourceType, sourceIdentity, automatedDetection,
                    automatedDecision, puid, contentIdEan13);
        }
    }
}

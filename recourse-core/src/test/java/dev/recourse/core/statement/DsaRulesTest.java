package dev.recourse.core.statement;

import static dev.recourse.core.statement.DsaField.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of reference/dsa-statement-of-reasons-v2.json, each accepted and refused. */
class DsaRulesTest {

    // ---- the reference itself -------------------------------------------------------------------------------

    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("decision_visibility", DecisionVisibility.class),
            Map.entry("decision_monetary", DecisionMonetary.class),
            Map.entry("decision_provision", DecisionProvision.class),
            Map.entry("decision_account", DecisionAccount.class),
            Map.entry("account_type", AccountType.class),
            Map.entry("decision_ground", DecisionGround.class),
            Map.entry("incompatible_content_illegal", YesNo.class),
            Map.entry("content_type", ContentType.class),
            Map.entry("category", Category.class),
            Map.entry("category_addition", Category.class),
            Map.entry("category_specification", Keyword.class),
            Map.entry("territorial_scope", EeaCountry.class),
            Map.entry("source_type", SourceType.class),
            Map.entry("automated_detection", YesNo.class),
            Map.entry("automated_decision", AutomatedDecision.class));

    @Test
    void theFieldsAreTheReferenceFieldsInItsOrder() {
        assertThat(Arrays.stream(DsaField.values()).map(DsaField::dsaName).toList()).isEqualTo(DsaReference.fieldNames());
    }

    @Test
    void everyEnumerationHasExactlyTheReferenceValuesInItsOrder() {
        assertThat(ENUMS.keySet()).containsExactlyInAnyOrderElementsOf(DsaReference.enumFields());
        ENUMS.forEach((field, type) -> assertThat(Arrays.stream(type.getEnumConstants()).map(e -> ((DsaCode) e).dsaValue()).toList())
                .as(field).isEqualTo(DsaReference.values(field)));
    }

    @ParameterizedTest
    @MethodSource("enumFields")
    void aValueOutsideAnEnumerationIsRefusedNamingTheField(String field) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        dev.recourse.core.Validation<?> parsed = DsaForm.code(field(field), (Class) ENUMS.get(field), "NOT_A_VALUE");
        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly(field);
        String first = DsaReference.values(field).getFirst();
        @SuppressWarnings({"unchecked", "rawtypes"})
        dev.recourse.core.Validation<?> ok = DsaForm.code(field(field), (Class) ENUMS.get(field), first);
        assertThat(ok.isValid()).isTrue();
    }

    static Stream<String> enumFields() {
        return DsaReference.enumFields().stream();
    }

    // ---- a complete statement holds --------------------------------------------------------------------------

    @Test
    void aCompleteStatementOnIllegalContentHasNoProblems() {
        assertThat(Statements.illegal().build().problems()).isEmpty();
    }

    @Test
    void aCompleteStatementOnIncompatibleContentHasNoProblems() {
        assertThat(Statements.incompatible().build().problems()).isEmpty();
    }

    // ---- required ----------------------------------------------------------------------------------------------

    private static final Map<String, UnaryOperator<DsaStatement.Builder>> CLEAR = Map.ofEntries(
            Map.entry("decision_ground", b -> b.decisionGround(null)),
            Map.entry("content_type", b -> b.contentType(Set.of())),
            Map.entry("category", b -> b.category(null)),
            Map.entry("content_date", b -> b.contentDate(null)),
            Map.entry("application_date", b -> b.applicationDate(null)),
            Map.entry("decision_facts", b -> b.decisionFacts(null)),
            Map.entry("source_type", b -> b.sourceType(null)),
            Map.entry("automated_detection", b -> b.automatedDetection(null)),
            Map.entry("automated_decision", b -> b.automatedDecision(null)),
            Map.entry("puid", b -> b.puid(null)));

    @ParameterizedTest
    @MethodSource("requiredFields")
    void aRequiredFieldThatIsAbsentIsNamed(String field) {
        assertThat(CLEAR).containsKey(field);
        assertThat(fieldsOf(CLEAR.get(field).apply(Statements.incompatible()).build())).contains(field);
    }

    static Stream<String> requiredFields() {
        return DsaReference.requiredFields().stream();
    }

    @Test
    void everyFieldTheReferenceRequiresIsChecked() {
        assertThat(CLEAR.keySet()).containsExactlyInAnyOrderElementsOf(DsaReference.requiredFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankRequiredTextCountsAsAbsent(String blank) {
        assertThat(fieldsOf(Statements.illegal().decisionFacts(blank).build())).containsExactly("decision_facts");
        assertThat(fieldsOf(Statements.illegal().puid(blank).build())).containsExactly("puid");
    }

    // ---- requiredWhen -------------------------------------------------------------------------------------------

    @Test
    void everyRequiredWhenRuleIsTested() {
        assertThat(DsaReference.requiredWhenFields()).containsExactlyInAnyOrder(
                "decision_visibility_other", "decision_monetary_other", "illegal_content_legal_ground",
                "illegal_content_explanation", "incompatible_content_ground", "incompatible_content_explanation",
                "content_type_other");
    }

    @Test
    void visibilityOtherIsRequiredWhenVisibilityContainsOther() {
        var b = Statements.illegal().decisionVisibility(Set.of(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED,
                DecisionVisibility.DECISION_VISIBILITY_OTHER));
        assertThat(fieldsOf(b.build())).containsExactly("decision_visibility_other");
        assertThat(b.decisionVisibilityOther("blurred behind a warning").build().problems()).isEmpty();
    }

    @Test
    void monetaryOtherIsRequiredWhenMonetaryIsOther() {
        var b = Statements.illegal().decisionMonetary(DecisionMonetary.DECISION_MONETARY_OTHER);
        assertThat(fieldsOf(b.build())).containsExactly("decision_monetary_other");
        assertThat(b.decisionMonetaryOther("payouts held for review").build().problems()).isEmpty();
        assertThat(Statements.illegal().decisionMonetary(DecisionMonetary.DECISION_MONETARY_SUSPENSION).build().problems()).isEmpty();
    }

    @Test
    void illegalContentNeedsItsLegalGroundAndExplanation() {
        assertThat(fieldsOf(Statements.illegal().illegalContentLegalGround(null).build())).containsExactly("illegal_content_legal_ground");
        assertThat(fieldsOf(Statements.illegal().illegalContentExplanation(" ").build())).containsExactly("illegal_content_explanation");
    }

    @Test
    void incompatibleContentNeedsItsGroundAndExplanation() {
        assertThat(fieldsOf(Statements.incompatible().incompatibleContentGround(null).build())).containsExactly("incompatible_content_ground");
        assertThat(fieldsOf(Statements.incompatible().incompatibleContentExplanation(null).build())).containsExactly("incompatible_content_explanation");
    }

    @Test
    void contentTypeOtherIsRequiredWhenContentTypeContainsOther() {
        var b = Statements.illegal().contentType(Set.of(ContentType.CONTENT_TYPE_OTHER));
        assertThat(fieldsOf(b.build())).containsExactly("content_type_other");
        assertThat(b.contentTypeOther("a live stream").build().problems()).isEmpty();
    }

    // ---- dropped otherwise ---------------------------------------------------------------------------------------

    @Test
    void theIllegalContentFieldsAreDroppedUnlessTheGroundIsIllegal() {
        DsaStatement s = Statements.incompatible()
                .illegalContentLegalGround("x".repeat(600))
                .illegalContentExplanation("y".repeat(3000))
                .build();
        assertThat(s.problems()).isEmpty();
        assertThat(s.drops(ILLEGAL_CONTENT_LEGAL_GROUND)).isTrue();
        assertThat(s.dsaFields()).doesNotContainKeys(ILLEGAL_CONTENT_LEGAL_GROUND, ILLEGAL_CONTENT_EXPLANATION);
        assertThat(Statements.illegal().build().dsaFields()).containsKeys(ILLEGAL_CONTENT_LEGAL_GROUND, ILLEGAL_CONTENT_EXPLANATION);
    }

    @Test
    void theSourceIdentityIsIgnoredForVoluntaryDecisions() {
        DsaStatement voluntary = Statements.illegal().sourceType(SourceType.SOURCE_VOLUNTARY).sourceIdentity("z".repeat(501)).build();
        assertThat(voluntary.problems()).isEmpty();
        assertThat(voluntary.dsaFields()).doesNotContainKey(SOURCE_IDENTITY);
        DsaStatement flagged = Statements.illegal().sourceType(SourceType.SOURCE_TRUSTED_FLAGGER).sourceIdentity("Hate Aid e.V.").build();
        assertThat(flagged.dsaFields()).containsKey(SOURCE_IDENTITY);
    }

    @Test
    void incompatibleContentIllegalIsOnlyGivenWithIncompatibleContent() {
        assertThat(Statements.incompatible().incompatibleContentIllegal(YesNo.Yes).build().problems()).isEmpty();
        assertThat(fieldsOf(Statements.illegal().incompatibleContentIllegal(YesNo.No).build())).containsExactly("incompatible_content_illegal");
    }

    // ---- max lengths ----------------------------------------------------------------------------------------------

    private static final Map<String, BiFunction<DsaStatement.Builder, String, DsaStatement.Builder>> TEXT = Map.ofEntries(
            Map.entry("decision_visibility_other", (b, v) -> b.decisionVisibility(Set.of(DecisionVisibility.DECISION_VISIBILITY_OTHER)).decisionVisibilityOther(v)),
            Map.entry("decision_monetary_other", (b, v) -> b.decisionMonetary(DecisionMonetary.DECISION_MONETARY_OTHER).decisionMonetaryOther(v)),
            Map.entry("illegal_content_legal_ground", DsaStatement.Builder::illegalContentLegalGround),
            Map.entry("illegal_content_explanation", DsaStatement.Builder::illegalContentExplanation),
            Map.entry("incompatible_content_ground", (b, v) -> b.decisionGround(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT)
                    .incompatibleContentExplanation("e").incompatibleContentGround(v)),
            Map.entry("incompatible_content_explanation", (b, v) -> b.decisionGround(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT)
                    .incompatibleContentGround("g").incompatibleContentExplanation(v)),
            Map.entry("decision_ground_reference_url", (b, v) -> b.decisionGroundReferenceUrl("https://example.eu/" + v.substring(19))),
            Map.entry("content_type_other", (b, v) -> b.contentType(Set.of(ContentType.CONTENT_TYPE_OTHER)).contentTypeOther(v)),
            Map.entry("category_specification_other", DsaStatement.Builder::categorySpecificationOther),
            Map.entry("decision_facts", DsaStatement.Builder::decisionFacts),
            Map.entry("source_identity", (b, v) -> b.sourceType(SourceType.SOURCE_TRUSTED_FLAGGER).sourceIdentity(v)),
            Map.entry("puid", DsaStatement.Builder::puid));

    @ParameterizedTest
    @MethodSource("maxLengthFields")
    void aTextAtItsMaximumLengthIsAcceptedAndOneCharacterMoreIsRefused(String field) {
        assertThat(TEXT).containsKey(field);
        int max = DsaReference.maxLength(field);
        assertThat(TEXT.get(field).apply(Statements.illegal(), "a".repeat(max)).build().problems()).isEmpty();
        assertThat(fieldsOf(TEXT.get(field).apply(Statements.illegal(), "a".repeat(max + 1)).build())).containsExactly(field);
    }

    static Stream<String> maxLengthFields() {
        return DsaReference.maxLengthFields().stream();
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\ud83d\ude02".repeat(2000);
        assertThat(Statements.illegal().illegalContentExplanation(emoji).build().problems()).isEmpty();
    }

    // ---- at least one decision -------------------------------------------------------------------------------------

    @Test
    void aStatementWithoutAnyDecisionIsRefusedNamingDecisionVisibility() {
        assertThat(DsaReference.rule("_decision_rule")).contains("at least one of");
        var none = Statements.illegal().decisionVisibility(Set.of());
        assertThat(fieldsOf(none.build())).containsExactly("decision_visibility");
    }

    @Test
    void anyOneKindOfDecisionIsEnough() {
        var none = Statements.illegal().decisionVisibility(Set.of());
        assertThat(none.decisionMonetary(DecisionMonetary.DECISION_MONETARY_SUSPENSION).build().problems()).isEmpty();
        none = Statements.illegal().decisionVisibility(Set.of());
        assertThat(none.decisionProvision(DecisionProvision.DECISION_PROVISION_PARTIAL_SUSPENSION).build().problems()).isEmpty();
        none = Statements.illegal().decisionVisibility(Set.of());
        assertThat(none.decisionAccount(DecisionAccount.DECISION_ACCOUNT_SUSPENDED).build().problems()).isEmpty();
    }

    // ---- dates --------------------------------------------------------------------------------------------------------

    @Test
    void theContentDateLiesBetween2000And2038() {
        assertThat(Statements.illegal().contentDate(LocalDate.of(2000, 1, 1)).build().problems()).isEmpty();
        assertThat(fieldsOf(Statements.illegal().contentDate(LocalDate.of(1999, 12, 31)).build())).containsExactly("content_date");
        assertThat(fieldsOf(Statements.illegal().contentDate(LocalDate.of(2038, 1, 2)).build())).containsExactly("content_date");
    }

    @Test
    void theApplicationDateLiesBetween2020And2038() {
        var noEnd = Statements.illegal();
        assertThat(noEnd.applicationDate(LocalDate.of(2020, 1, 1)).build().problems()).isEmpty();
        assertThat(noEnd.applicationDate(LocalDate.of(2038, 1, 1)).build().problems()).isEmpty();
        assertThat(fieldsOf(noEnd.applicationDate(LocalDate.of(2019, 12, 31)).build())).containsExactly("application_date");
        assertThat(fieldsOf(noEnd.applicationDate(LocalDate.of(2038, 1, 2)).build())).containsExactly("application_date");
    }

    private static final Map<DsaField, BiFunction<DsaStatement.Builder, LocalDate, DsaStatement.Builder>> END_DATES = Map.of(
            END_DATE_VISIBILITY_RESTRICTION, DsaStatement.Builder::endDateVisibilityRestriction,
            END_DATE_MONETARY_RESTRICTION, DsaStatement.Builder::endDateMonetaryRestriction,
            END_DATE_SERVICE_RESTRICTION, DsaStatement.Builder::endDateServiceRestriction,
            END_DATE_ACCOUNT_RESTRICTION, DsaStatement.Builder::endDateAccountRestriction);

    @Test
    void anEndDateIsNoLaterThan2038AndNotBeforeTheApplicationDate() {
        assertThat(DsaReference.field("end_date_visibility_restriction").get("max").asText()).isEqualTo("2038-01-01");
        END_DATES.forEach((field, set) -> {
            assertThat(set.apply(Statements.illegal(), Statements.APPLIED).build().problems()).as(field.dsaName()).isEmpty();
            assertThat(set.apply(Statements.illegal(), LocalDate.of(2038, 1, 1)).build().problems()).as(field.dsaName()).isEmpty();
            assertThat(fieldsOf(set.apply(Statements.illegal(), LocalDate.of(2038, 1, 2)).build())).containsExactly(field.dsaName());
            assertThat(fieldsOf(set.apply(Statements.illegal(), Statements.APPLIED.minusDays(1)).build())).containsExactly(field.dsaName());
        });
    }

    @Test
    void aBlankEndDateMeansIndefinite() {
        assertThat(Statements.illegal().build().dsaFields()).doesNotContainKey(END_DATE_VISIBILITY_RESTRICTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-3-14", "14.03.2025", "2025-02-30", "+12025-03-14", "2025-03-14T00:00"})
    void aDateNotSpelledYyyyMmDdIsRefusedNamingTheField(String text) {
        assertThat(DsaForm.date(CONTENT_DATE, text).errors()).extracting(FieldError::field).containsExactly("content_date");
    }

    // ---- codes ------------------------------------------------------------------------------------------------------

    @Test
    void theTerritorialScopeHoldsOnlyEeaCountries() {
        assertThat(Statements.illegal().territorialScope(DsaReference.values("territorial_scope")).build().problems()).isEmpty();
        assertThat(Statements.illegal().territorialScope(List.of()).build().problems()).isEmpty();
        assertThat(fieldsOf(Statements.illegal().territorialScope(List.of("DE", "US")).build())).containsExactly("territorial_scope");
        assertThat(fieldsOf(Statements.illegal().territorialScope(List.of("de")).build())).containsExactly("territorial_scope");
        assertThat(fieldsOf(Statements.illegal().territorialScope(List.of("CH")).build())).containsExactly("territorial_scope");
        assertThat(fieldsOf(Statements.illegal().territorialScope(List.of("DE", "DE")).build())).containsExactly("territorial_scope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "XX", "DEU", "D", ""})
    void theContentLanguageIsAnUpperCaseIso6391Code(String wrong) {
        assertThat(fieldsOf(Statements.illegal().contentLanguage(wrong).build())).containsExactly("content_language");
    }

    @Test
    void theContentLanguageIsOptional() {
        assertThat(Statements.illegal().contentLanguage(null).build().problems()).isEmpty();
        assertThat(Statements.illegal().contentLanguage("GA").build().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "dec.1", "ü", "x:y"})
    void thePuidHoldsOnlyLettersDigitsHyphensAndUnderscores(String wrong) {
        assertThat(DsaReference.field("puid").get("pattern").asText()).isEqualTo("^[a-zA-Z0-9-_]+$");
        assertThat(fieldsOf(Statements.illegal().puid(wrong).build())).containsExactly("puid");
        assertThat(Statements.illegal().puid("Dec_2025-03-14_0001").build().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"400638133393", "40063813339321", "400638133393X", "４００６３８１３３３９３１"})
    void theContentIdIsAnEan13OfThirteenDigits(String wrong) {
        assertThat(fieldsOf(Statements.illegal().contentIdEan13(wrong).build())).containsExactly("content_id");
        assertThat(Statements.illegal().contentIdEan13("4006381333931").build().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://example.eu/terms", "https://", "/terms#4"})
    void theReferenceUrlIsAWebUrl(String wrong) {
        assertThat(fieldsOf(Statements.illegal().decisionGroundReferenceUrl(wrong).build())).containsExactly("decision_ground_reference_url");
        assertThat(Statements.illegal().decisionGroundReferenceUrl("https://example.eu/terms#4").build().problems()).isEmpty();
    }

    @Test
    void optionalFieldsMayBeAbsentOrPresent() {
        DsaStatement full = Statements.incompatible()
                .accountType(AccountType.ACCOUNT_TYPE_BUSINESS)
                .incompatibleContentIllegal(YesNo.No)
                .decisionGroundReferenceUrl("https://example.eu/terms")
                .categoryAddition(Set.of(Category.STATEMENT_CATEGORY_CYBER_VIOLENCE))
                .categorySpecification(Set.of(Keyword.KEYWORD_OTHER))
                .categorySpecificationOther("link farming")
                .sourceType(SourceType.SOURCE_TRUSTED_FLAGGER)
                .sourceIdentity("Example Trusted Flagger e.V.")
                .contentIdEan13("4006381333931")
                .build();
        assertThat(full.problems()).isEmpty();
    }

    // ---- export mapping -----------------------------------------------------------------------------------------------

    @Test
    void theExportFollowsTheDatabaseOrderAndSpelling() {
        DsaStatement s = Statements.illegal().contentIdEan13("4006381333931").build();
        List<DsaField> order = List.copyOf(s.dsaFields().keySet());
        assertThat(order).isSortedAccordingTo(Enum::compareTo);
        assertThat(dev.recourse.core.json.CanonicalJson.write(s.toDsaJson().get("decision_visibility"))).isEqualTo("[\"DECISION_VISIBILITY_CONTENT_REMOVED\"]");
        assertThat(dev.recourse.core.json.CanonicalJson.write(s.toDsaJson().get("content_id"))).isEqualTo("{\"EAN-13\":\"4006381333931\"}");
        assertThat(s.toDsaJson().get("application_date")).isEqualTo(dev.recourse.core.json.Json.of("2025-03-14"));
    }

    @Test
    void anExportReadsBackAsTheSameStatement() {
        for (DsaStatement s : List.of(Statements.illegal().build(), Statements.incompatible().incompatibleContentIllegal(YesNo.Yes)
                .accountType(AccountType.ACCOUNT_TYPE_PRIVATE).endDateAccountRestriction(LocalDate.of(2026, 1, 1))
                .decisionAccount(DecisionAccount.DECISION_ACCOUNT_SUSPENDED).contentIdEan13("4006381333931").build())) {
            assertThat(DsaForm.parse(s.toDsaJson()).orElseThrow()).isEqualTo(s);
        }
    }

    @Test
    void aFormWithWrongTypesOrUnknownFieldsNamesEachField() {
        var form = dev.recourse.core.json.Json.object()
                .put("decision_ground", dev.recourse.core.json.Json.of(3))
                .put("content_type", dev.recourse.core.json.Json.of("CONTENT_TYPE_TEXT"))
                .put("category", "STATEMENT_CATEGORY_NOPE")
                .put("colour", "blue")
                .build();
        assertThat(DsaForm.parse(form).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("decision_ground", "content_type", "category", "colour");
    }

    private static List<String> fieldsOf(DsaStatement s) {
        return s.problems().stream().map(FieldError::field).distinct().toList();
    }

    private static DsaField field(String name) {
        return DsaField.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}

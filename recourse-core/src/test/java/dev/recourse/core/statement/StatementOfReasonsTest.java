package dev.recourse.core.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.FieldError;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.subject.LanguageCode;
import org.junit.jupiter.api.Test;

class StatementOfReasonsTest {
    private static final LanguageCode GERMAN = new LanguageCode("de");

    @Test
    void aCompleteStatementIsValid() {
        assertThat(StatementOfReasons.validate(Statements.illegal().build(), Statements.redress(), GERMAN, Statements.byModerator()).isValid()).isTrue();
    }

    @Test
    void anIncompleteStatementCannotBeBuilt() {
        DsaStatement incomplete = Statements.illegal().decisionFacts(null).build();
        assertThatThrownBy(() -> new StatementOfReasons(incomplete, Statements.redress(), GERMAN, Statements.byModerator()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decision_facts");
    }

    @Test
    void theAppealStaysOpenAtLeastSixMonthsAfterTheDecision() {
        Redress short_ = new Redress(Statements.at(Statements.APPLIED.plusMonths(6).minusDays(1)), "ods", "courts");
        assertThat(fields(StatementOfReasons.validate(Statements.illegal().build(), short_, GERMAN, Statements.byModerator())))
                .containsExactly(StatementOfReasons.INTERNAL_COMPLAINT_DEADLINE);
        Redress longer = new Redress(Statements.at(Statements.APPLIED.plusMonths(12)), "ods", "courts");
        assertThat(StatementOfReasons.validate(Statements.illegal().build(), longer, GERMAN, Statements.byModerator()).isValid()).isTrue();
    }

    @Test
    void outOfCourtSettlementAndCourtsAreNamed() {
        Redress none = new Redress(Statements.at(Statements.APPLIED.plusMonths(6)), " ", "");
        assertThat(fields(StatementOfReasons.validate(Statements.illegal().build(), none, GERMAN, Statements.byModerator())))
                .containsExactly(StatementOfReasons.OUT_OF_COURT_SETTLEMENT, StatementOfReasons.JUDICIAL_REDRESS);
    }

    @Test
    void theAutomationStatedMatchesTheDeciders() {
        Deciders rule = Deciders.automated(AutomatedRule.of(new Versioned("spam-links", "7")));
        assertThat(fields(StatementOfReasons.validate(Statements.illegal().build(), Statements.redress(), GERMAN, rule)))
                .containsExactly("automated_decision", "automated_detection");
        DsaStatement stated = Statements.illegal().automatedDecision(AutomatedDecision.AUTOMATED_DECISION_FULLY).automatedDetection(YesNo.Yes).build();
        assertThat(StatementOfReasons.validate(stated, Statements.redress(), GERMAN, rule).isValid()).isTrue();
        assertThat(fields(StatementOfReasons.validate(stated, Statements.redress(), GERMAN, rule.with(Statements.MODERATOR))))
                .containsExactly("automated_decision");
    }

    @Test
    void theJsonFormHoldsTheDatabaseFieldsRedressLanguageAndDeciders() {
        var json = new StatementOfReasons(Statements.illegal().build(), Statements.redress(), GERMAN, Statements.byModerator()).toJson();
        assertThat(json.members().keySet()).containsExactly("dsa", "redress", "language", "deciders");
        assertThat(dev.recourse.core.json.CanonicalJson.write(json.get("deciders")))
                .isEqualTo("{\"reviewer\":{\"pseudonym\":\"mod-ada\",\"role\":\"MODERATOR\"}}");
    }

    private static java.util.List<String> fields(dev.recourse.core.Validation<?> v) {
        return v.errors().stream().map(FieldError::field).toList();
    }
}

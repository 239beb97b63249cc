package dev.recourse.core.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The statement-of-reasons fields found by their names in the database's API. */
class DsaFieldTest {
    @Test
    void everyFieldIsFoundByItsName() {
        for (DsaField field : DsaField.values()) {
            assertThat(DsaField.named(field.dsaName())).contains(field);
        }
    }

    @Test
    void aNameOfNoFieldFindsNone() {
        assertThat(DsaField.named("DECISION_GROUND")).as("the names are lower case").isEmpty();
        assertThat(DsaField.named("decision_grounds")).isEmpty();
    }

    @Test
    void aFieldsNameIsItsConstantInLowerCase() {
        assertThat(DsaField.ILLEGAL_CONTENT_LEGAL_GROUND.dsaName()).isEqualTo("illegal_content_legal_ground");
    }
}

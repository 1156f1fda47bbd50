package io.seedfleet.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresCheckTextTest {

    @Test
    void stripsCheckKeywordAndOuterParentheses() {
        assertThat(PostgresCheckText.expression("CHECK ((price > (0)::numeric))")).contains("(price > (0)::numeric)");
        assertThat(PostgresCheckText.expression("CHECK (active)")).contains("active");
    }

    @Test
    void dropsTrailingOptionsThatDoNotChangeWhatIsRequired() {
        assertThat(PostgresCheckText.expression("CHECK ((total >= 0)) NOT VALID")).contains("(total >= 0)");
        assertThat(PostgresCheckText.expression("CHECK ((total >= 0)) NO INHERIT NOT VALID")).contains("(total >= 0)");
    }

    @Test
    void aConstraintThatIsNotEnforcedRequiresNothing() {
        assertThat(PostgresCheckText.expression("CHECK ((total >= 0)) NOT ENFORCED")).isEmpty();
    }

    @Test
    void rejectsWhatIsNotACheck() {
        assertThatThrownBy(() -> PostgresCheckText.expression("UNIQUE (a)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacesTheBareKeywordValue() {
        assertThat(PostgresCheckText.replaceValueKeyword("((VALUE >= 1) AND (VALUE <= 9))", "\"n\""))
                .isEqualTo("((\"n\" >= 1) AND (\"n\" <= 9))");
        assertThat(PostgresCheckText.replaceValueKeyword("(VALUE)::text", "\"Qtd Ação\"")).isEqualTo("(\"Qtd Ação\")::text");
    }

    @Test
    void leavesLiteralsQuotedIdentifiersAndLongerWordsAlone() {
        String replaced = PostgresCheckText.replaceValueKeyword(
                "(VALUE <> 'VALUE' AND f(VALUE_MAX, max_value, \"VALUE\") AND (VALUE).value <> E'it\\'s VALUE' "
                        + "AND VALUE <> 'a''VALUE')", "x");
        assertThat(replaced).isEqualTo(
                "(x <> 'VALUE' AND f(VALUE_MAX, max_value, \"VALUE\") AND (x).value <> E'it\\'s VALUE' AND x <> 'a''VALUE')");
    }
}

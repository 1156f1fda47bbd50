package io.seedfleet.masking.method;

import static io.seedfleet.masking.method.MaskRules.masker;
import static io.seedfleet.masking.method.MaskRules.of;
import static io.seedfleet.masking.method.MaskRules.rule;
import static io.seedfleet.masking.method.MaskRules.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedfleet.core.generate.Pools;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.TypeKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskersTest {

    @Test
    void hashIsHexCutToTheColumnAndSaysWhenCuttingBreaksUniqueness() {
        ColumnMasker full = masker(rule("hash"), text("t", null));
        assertThat(full.mask("alice")).matches("[0-9a-f]{64}");
        assertThat(full.bijective()).isTrue();
        ColumnMasker cut = masker(rule("hash"), text("t", 12));
        assertThat(cut.mask("alice")).isEqualTo(full.mask("alice").substring(0, 12));
        assertThat(cut.bijective()).isFalse();
        assertThat(masker(rule("hash"), of("u", TypeKind.UUID, "uuid")).mask("0b5b6a3e-0000-4000-8000-000000000001"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String numeric = masker(rule("hash"), Column.of("n", ColumnType.numeric("numeric", 6, 2), true)).mask("1234.56");
        assertThat(Long.parseLong(numeric)).isBetween(0L, 9999L);
    }

    @Test
    void partialKeepsTheEndsAndOptionallyTheSeparators() {
        assertThat(masker(rule("partial", "last", 4, "keepFormat", true), text("card", null)).mask("4111-1111-1111-1234"))
                .isEqualTo("****-****-****-1234");
        assertThat(masker(rule("partial", "first", 1, "last", 2, "char", "#"), text("p", null)).mask("+44 20 7946"))
                .isEqualTo("+########46");
        assertThat(masker(rule("partial", "keepFirst", 2), text("p", null)).mask("ab")).isEqualTo("ab");
    }

    @Test
    void redactWritesAConstantOfTheColumnsType() {
        assertThat(masker(rule("redact"), text("t", null)).mask("secret")).isEqualTo("***");
        assertThat(masker(rule("redact"), text("t", 2)).mask("secret")).isEqualTo("**");
        assertThat(masker(rule("redact"), of("n", TypeKind.INTEGER, "integer")).mask("42")).isEqualTo("0");
        assertThat(masker(rule("redact", "value", "gone"), text("t", null)).mask("x")).isEqualTo("gone");
        assertThat(masker(rule("redact"), text("t", null)).mask(null)).isNull();
        assertThat(masker(rule("null"), text("t", null)).mask("x")).isNull();
    }

    @Test
    void fakeKeepsTheScriptOfTheInputAndFitsTheColumn() {
        Pools.LocalePools ja = Pools.locale("ja-JP");
        String jp = masker(rule("fake", "kind", "fullName"), text("full_name", 40)).mask("山田 太郎");
        String[] parts = jp.split(" ");
        assertThat(ja.lastNames()).contains(parts[0]);
        assertThat(ja.firstNames()).contains(parts[1]);
        String en = masker(rule("fake"), text("first_name", 40)).mask("John");
        assertThat(Pools.locale("en-US").firstNames()).contains(en);
        ColumnMasker city = masker(rule("fake"), text("city", 8));
        for (int i = 0; i < 200; i++) assertThat(city.mask("Town" + i).length()).isLessThanOrEqualTo(8);
        assertThat(masker(rule("fake"), text("first_name", 40)).bijective()).isFalse();
        assertThat(masker(rule("fake", "unique", true), text("first_name", 40)).bijective()).isTrue();
    }

    @Test
    void emailsAreValidAndUseExampleDomainsUnlessKeepDomain() {
        String masked = masker(rule("email"), text("email", 254)).mask("jane.doe@gmail.com");
        assertThat(masked).matches("[a-z0-9.]+@example\\.(com|org|net)").doesNotContain("jane.doe");
        assertThat(masker(rule("email", "keepDomain", true), text("email", 254)).mask("jane.doe@acme.io")).endsWith("@acme.io");
        assertThat(masker(rule("email"), text("email", 30)).mask("a.very.long.address.indeed@example.org").length()).isLessThanOrEqualTo(30);
        // citext holds text too (the model files the extension type under OTHER).
        assertThat(masker(rule("email"), of("email", TypeKind.OTHER, "citext")).mask("Jane@Gmail.com")).contains("@example.");
    }

    @Test
    void generalizeRoundsDatesNumbersAndText() {
        assertThat(masker(rule("generalize"), of("d", TypeKind.DATE, "date")).mask("1987-06-23")).isEqualTo("1987-06-01");
        assertThat(masker(rule("generalize", "to", "year"), of("d", TypeKind.TIMESTAMPTZ, "timestamptz")).mask("1987-06-23 10:11:12.5+02"))
                .isEqualTo("1987-01-01 00:00:00+02");
        assertThat(masker(rule("generalize", "bucket", 10), of("n", TypeKind.INTEGER, "integer")).mask("47")).isEqualTo("40");
        assertThat(masker(rule("generalize", "bucket", 10), of("n", TypeKind.INTEGER, "integer")).mask("-3")).isEqualTo("-10");
        assertThat(masker(rule("generalize", "keep", 3), text("postcode", null)).mask("SW1A 1AA")).isEqualTo("SW1");
    }

    @Test
    void noiseMovesDatesByBoundedDaysKeepingTheTime() {
        String out = masker(rule("noise", "days", 5), of("t", TypeKind.TIMESTAMP, "timestamp")).mask("2024-03-10 12:34:56");
        java.time.LocalDate date = java.time.LocalDate.parse(out.substring(0, 10));
        assertThat(date).isBetween(java.time.LocalDate.of(2024, 3, 5), java.time.LocalDate.of(2024, 3, 15));
        assertThat(out).endsWith(" 12:34:56");
    }

    @Test
    void jsonPathsMaskOnlyTheirKeys() throws Exception {
        Column doc = Column.of("profile", ColumnType.of(TypeKind.JSONB, "jsonb"), true);
        ColumnMasker masker = masker(rule("keep", "paths", Map.of("$.contact.email", Map.of("method", "email"),
                "$.phones[*]", Map.of("method", "partial", "last", 2), "$.age", Map.of("method", "generalize", "bucket", 10))), doc);
        JsonNode out = new ObjectMapper().readTree(masker.mask(
                "{\"contact\":{\"email\":\"jane@gmail.com\",\"lang\":\"en\"},\"phones\":[\"5551234\",\"5559876\"],\"age\":37,\"plan\":\"pro\"}"));
        assertThat(out.at("/contact/email").asText()).matches(".+@example\\.(com|org|net)");
        assertThat(out.at("/contact/lang").asText()).isEqualTo("en");
        assertThat(out.at("/phones/0").asText()).isEqualTo("*****34");
        assertThat(out.at("/phones/1").asText()).isEqualTo("*****76");
        assertThat(out.at("/age").isNumber()).isTrue();
        assertThat(out.at("/age").asInt()).isEqualTo(30);
        assertThat(out.at("/plan").asText()).isEqualTo("pro");
    }

    @Test
    void methodsThatCannotApplyNameTheColumnAndTheProblem() {
        assertThatThrownBy(() -> masker(rule("fpe"), of("amount", TypeKind.INTEGER, "integer")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount").hasMessageContaining("text columns");
        assertThatThrownBy(() -> masker(rule("partial", "frist", 2), text("phone", null)))
                .hasMessageContaining("phone").hasMessageContaining("frist");
        assertThatThrownBy(() -> masker(rule("email"), text("email", 10))).hasMessageContaining("email").hasMessageContaining("26");
        assertThatThrownBy(() -> masker(rule("null"), Column.of("id", ColumnType.of(TypeKind.TEXT, "text"), false)))
                .hasMessageContaining("id").hasMessageContaining("NOT NULL");
        assertThatThrownBy(() -> masker(rule("generalize", "to", "week"), of("d", TypeKind.DATE, "date"))).hasMessageContaining("month or year");
        assertThatThrownBy(() -> masker(rule("noise"), of("n", TypeKind.INTEGER, "integer"))).hasMessageContaining("amount or percent");
        assertThatThrownBy(() -> masker(rule("scramble"), text("t", null))).hasMessageContaining("unknown method");
        assertThatThrownBy(() -> masker(rule("fpe", "radix", 16), text("t", null))).hasMessageContaining("radix");
        assertThatThrownBy(() -> masker(rule("fake", "kind", "spaceship"), text("t", null))).hasMessageContaining("spaceship");
        assertThatThrownBy(() -> masker(rule("hash"), of("b", TypeKind.BOOLEAN, "boolean"))).hasMessageContaining("b (boolean)");
    }
}

package io.seedfleet.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticValuesTest {

    private static Semantic classify(String table, String column, TypeKind kind) {
        Table t = new Table(new QualifiedName("public", table), List.of(Column.of(column, ColumnType.of(kind, kind.name()), true)),
                List.of(), List.of(), List.of(), null);
        return Semantic.classify(t, t.columns().get(0));
    }

    @Test
    void namesTheTypesUsersName() {
        assertThat(Semantic.values().length - 1).as("semantic types besides GENERIC").isGreaterThanOrEqualTo(50);
        Map<String, Semantic> textColumns = Map.ofEntries(
                Map.entry("email", Semantic.EMAIL), Map.entry("firstName", Semantic.FIRST_NAME), Map.entry("last_name", Semantic.LAST_NAME),
                Map.entry("phone_number", Semantic.PHONE), Map.entry("postal_code", Semantic.POSTCODE), Map.entry("iban", Semantic.IBAN),
                Map.entry("card_number", Semantic.CREDIT_CARD), Map.entry("mac_address", Semantic.MAC_ADDRESS),
                Map.entry("vat_number", Semantic.VAT_NUMBER), Map.entry("passport_no", Semantic.PASSPORT), Map.entry("ssn", Semantic.NATIONAL_ID),
                Map.entry("app_version", Semantic.VERSION), Map.entry("sku", Semantic.SKU), Map.entry("status", Semantic.STATUS),
                Map.entry("category", Semantic.CATEGORY), Map.entry("user_agent", Semantic.USER_AGENT), Map.entry("timezone", Semantic.TIMEZONE),
                Map.entry("currency", Semantic.CURRENCY), Map.entry("gender", Semantic.GENDER), Map.entry("avatar_url", Semantic.URL),
                Map.entry("slug", Semantic.SLUG), Map.entry("api_token", Semantic.TOKEN), Map.entry("mime_type", Semantic.MIME_TYPE),
                Map.entry("industry", Semantic.INDUSTRY), Map.entry("external_uuid", Semantic.UUID_TEXT));
        textColumns.forEach((column, expected) -> assertThat(classify("things", column, TypeKind.VARCHAR)).as(column).isEqualTo(expected));
        assertThat(classify("organizations", "name", TypeKind.TEXT)).isEqualTo(Semantic.COMPANY);
        assertThat(classify("users", "name", TypeKind.TEXT)).isEqualTo(Semantic.FULL_NAME);
        assertThat(classify("orders", "total_amount", TypeKind.NUMERIC)).isEqualTo(Semantic.AMOUNT);
        assertThat(classify("users", "updated_at", TypeKind.TIMESTAMPTZ)).isEqualTo(Semantic.UPDATED_AT);
        assertThat(classify("users", "date_of_birth", TypeKind.DATE)).isEqualTo(Semantic.BIRTH_DATE);
    }

    @Test
    void ibansCarryValidCheckDigitsAndCardNumbersPassLuhn() {
        ColumnGenerator ibans = Texts.iban(new Person(11, Map.of()), 12);
        ColumnGenerator cards = Texts.cardNumber(13);
        for (long row = 0; row < 2_000; row++) {
            String iban = render(ibans, row);
            String rearranged = iban.substring(4) + iban.substring(0, 4);
            StringBuilder digits = new StringBuilder();
            for (char ch : rearranged.toCharArray()) digits.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
            assertThat(new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue()).as(iban).isEqualTo(1);

            String card = render(cards, row);
            assertThat(card).hasSize(16).startsWith("4");
            int sum = 0;
            for (int i = 0; i < 16; i++) {
                int d = card.charAt(15 - i) - '0';
                if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                sum += d;
            }
            assertThat(sum % 10).as(card).isZero();
        }
    }

    @Test
    void ageAgreesWithBirthDate() {
        Table people = new Table(new QualifiedName("public", "people"),
                List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("birth_date", ColumnType.of(TypeKind.DATE, "date"), false),
                        Column.of("age", ColumnType.of(TypeKind.INTEGER, "integer"), false)),
                List.of(io.seedfleet.core.schema.UniqueKey.primaryKey("people_pkey", List.of("id"))), List.of(), List.of(), null);
        var plan = io.seedfleet.core.plan.Planner.plan(new io.seedfleet.core.schema.SchemaModel(List.of(people)),
                new io.seedfleet.core.plan.RowCounts(Map.of("people", 500L), 1, 1), 3);
        TableGenerator g = Dataset.of(plan).table(people.name());
        java.time.LocalDate today = java.time.LocalDate.ofEpochDay(plan.anchorEpochMicros() / 86_400_000_000L);
        for (long row = 0; row < 500; row++) {
            String[] f = fields(g, row);
            int years = java.time.Period.between(java.time.LocalDate.parse(f[1]), today).getYears();
            assertThat(Integer.parseInt(f[2])).as(String.join(" ", f)).isEqualTo(years).isBetween(18, 80);
        }
    }

    @Test
    void theLocaleMixDecidesWhoPeopleAre() {
        Table users = new Table(new QualifiedName("public", "users"),
                List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("full_name", ColumnType.of(TypeKind.TEXT, "text"), false),
                        Column.of("locale", ColumnType.of(TypeKind.TEXT, "text"), false)),
                List.of(io.seedfleet.core.schema.UniqueKey.primaryKey("users_pkey", List.of("id"))), List.of(), List.of(), null);
        var plan = io.seedfleet.core.plan.Planner.plan(new io.seedfleet.core.schema.SchemaModel(List.of(users)),
                new io.seedfleet.core.plan.RowCounts(Map.of("users", 2_000L), 1, 1), 3, io.seedfleet.core.plan.GenerationPlan.DEFAULT_ANCHOR, 0,
                Map.of("ja-JP", 3, "ko-KR", 1));
        TableGenerator g = Dataset.of(plan).table(users.name());
        Map<String, Integer> perLocale = new java.util.TreeMap<>();
        for (long row = 0; row < 2_000; row++) {
            String[] f = fields(g, row);
            perLocale.merge(f[2], 1, Integer::sum);
            assertThat(f[1].codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL)).as(f[1]).isTrue();
        }
        assertThat(perLocale.keySet()).containsExactly("ja-JP", "ko-KR");
        assertThat(perLocale.get("ja-JP")).isBetween(1_350, 1_650);
    }

    @Test
    void agesAreBellShapedAndAmountsHaveALongTail() {
        Table t = new Table(new QualifiedName("public", "customers"),
                List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("age", ColumnType.of(TypeKind.INTEGER, "integer"), false),
                        Column.of("balance_cents", ColumnType.of(TypeKind.BIGINT, "bigint"), false)),
                List.of(io.seedfleet.core.schema.UniqueKey.primaryKey("customers_pkey", List.of("id"))), List.of(), List.of(), null);
        var plan = io.seedfleet.core.plan.Planner.plan(new io.seedfleet.core.schema.SchemaModel(List.of(t)),
                new io.seedfleet.core.plan.RowCounts(Map.of("customers", 20_000L), 1, 1), 5, io.seedfleet.core.plan.GenerationPlan.DEFAULT_ANCHOR, 0);
        TableGenerator g = Dataset.of(plan).table(t.name());
        double[] ages = new double[20_000];
        long[] amounts = new long[20_000];
        for (int row = 0; row < 20_000; row++) {
            String[] f = fields(g, row);
            ages[row] = Double.parseDouble(f[1]);
            amounts[row] = Long.parseLong(f[2]);
        }
        double mean = java.util.Arrays.stream(ages).average().orElseThrow();
        long middleAged = java.util.Arrays.stream(ages).filter(a -> Math.abs(a - mean) <= 14.4).count();
        assertThat(mean).isBetween(36.0, 44.0);
        assertThat(middleAged / 20_000.0).as("about two thirds within one standard deviation").isBetween(0.6, 0.75);
        java.util.Arrays.sort(amounts);
        long median = amounts[10_000];
        double average = java.util.Arrays.stream(amounts).average().orElseThrow();
        assertThat(median).as("median near the geometric middle of 1..5000 dollars").isBetween(3_000L, 12_000L);
        assertThat(average).as("a long tail pulls the mean above the median").isGreaterThan(median * 1.3);
    }

    /** A generated row's COPY fields. */
    private static String[] fields(TableGenerator g, long row) {
        CopyTextWriter out = new CopyTextWriter(64);
        g.writeInsertRow(row, out);
        return new String(out.buffer(), 0, out.length() - 1, StandardCharsets.UTF_8).split("\t");
    }

    private static String render(ColumnGenerator g, long row) {
        CopyTextWriter out = new CopyTextWriter(64);
        g.write(row, out);
        return new String(out.buffer(), 0, out.length(), StandardCharsets.UTF_8);
    }
}

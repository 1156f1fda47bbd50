package io.seedfleet.masking.method;

import static io.seedfleet.masking.method.MaskRules.OTHER;
import static io.seedfleet.masking.method.MaskRules.SECRET;
import static io.seedfleet.masking.method.MaskRules.of;
import static io.seedfleet.masking.method.MaskRules.rule;
import static io.seedfleet.masking.method.MaskRules.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.TypeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class MaskerPropertiesTest {

    /** A method configuration and the inputs it is meant for. */
    record Case(String name, MaskRule rule, Column column, Supplier<String> input) {
        ColumnMasker masker(MaskingSecret secret) {
            return Maskers.of(rule, column, secret);
        }
    }

    private static final Random RANDOM = new Random(7);

    private static List<Case> cases() {
        return List.of(
                new Case("hash text", rule("hash"), text("h", null), MaskerPropertiesTest::word),
                new Case("hash bigint", rule("hash"), of("id", TypeKind.BIGINT, "bigint"), () -> Long.toString(RANDOM.nextLong())),
                new Case("hash integer", rule("hash"), of("id", TypeKind.INTEGER, "integer"), () -> Integer.toString(RANDOM.nextInt())),
                new Case("hash smallint", rule("hash"), of("id", TypeKind.SMALLINT, "smallint"), () -> Integer.toString(RANDOM.nextInt(65536) - 32768)),
                new Case("fpe digits", rule("fpe"), text("acct", 40), () -> digits(6 + RANDOM.nextInt(14))),
                new Case("fpe short digits", rule("fpe"), text("pin", 10), () -> digits(4)),
                new Case("fpe alnum 62", rule("fpe", "radix", 62), text("code", 40), MaskerPropertiesTest::alnum),
                new Case("fpe card luhn", rule("fpe", "luhn", true), text("card", 19), MaskerPropertiesTest::card),
                new Case("email", rule("email"), text("email", 254), () -> word() + "@" + word() + ".com"),
                new Case("email keepDomain", rule("email", "keepDomain", true), text("email", 254), () -> word() + "@corp.example"),
                new Case("fake unique name", rule("fake", "kind", "fullName", "unique", true), text("full_name", 100), MaskerPropertiesTest::word),
                new Case("keep", rule("keep"), text("k", null), MaskerPropertiesTest::word));
    }

    @Example
    void bijectiveMethodsGiveDistinctOutputsForDistinctInputs() {
        for (Case c : cases()) {
            ColumnMasker masker = c.masker(SECRET);
            assertThat(masker.bijective()).as(c.name()).isTrue();
            Set<String> inputs = new HashSet<>();
            while (inputs.size() < 5000) inputs.add(c.input().get());
            Set<String> outputs = new HashSet<>();
            for (String in : inputs) outputs.add(masker.mask(in));
            assertThat(outputs).as(c.name()).hasSize(inputs.size());
        }
    }

    @Example
    void differentSecretsGiveDifferentOutputsForAlmostAllValues() {
        for (Case c : cases()) {
            if (c.rule().method().equals("keep")) continue;
            ColumnMasker a = c.masker(SECRET);
            ColumnMasker b = c.masker(OTHER);
            int same = 0;
            for (int i = 0; i < 1000; i++) {
                String in = c.input().get();
                if (a.mask(in).equals(b.mask(in))) same++;
            }
            assertThat(same).as(c.name()).isLessThan(c.name().startsWith("hash smallint") ? 5 : 2);
        }
    }

    @Property(tries = 300)
    void everyMethodIsAPureFunctionOfSecretAndValue(@ForAll("anyCase") Case c) {
        String in = c.input().get();
        assertThat(c.masker(SECRET).mask(in)).isEqualTo(Maskers.of(c.rule(), c.column(), MaskingSecret.of("a test secret of enough length")).mask(in));
        assertThat(c.masker(SECRET).mask(null)).isNull();
    }

    @Provide
    Arbitrary<Case> anyCase() {
        List<Case> all = new java.util.ArrayList<>(cases());
        all.add(new Case("fake first name", rule("fake", "kind", "firstName"), text("first_name", 40), MaskerPropertiesTest::word));
        all.add(new Case("noise", rule("noise", "percent", 10), of("n", TypeKind.NUMERIC, "numeric"), () -> Integer.toString(RANDOM.nextInt(100000))));
        all.add(new Case("noise date", rule("noise", "days", 10), of("d", TypeKind.DATE, "date"), () -> "2020-01-" + (10 + RANDOM.nextInt(18))));
        all.add(new Case("partial", rule("partial", "last", 4), text("p", null), MaskerPropertiesTest::word));
        return Arbitraries.of(all);
    }

    @Property
    void fpeKeepsLengthSeparatorsAndDigitPositions(@ForAll @StringLength(min = 1, max = 30) String value) {
        ColumnMasker fpe = Maskers.of(rule("fpe"), text("v", 30), SECRET);
        String out = fpe.mask(value);
        assertThat(out).hasSameSizeAs(value);
        for (int i = 0; i < value.length(); i++) {
            char in = value.charAt(i);
            if (in >= '0' && in <= '9') assertThat(out.charAt(i)).isBetween('0', '9');
            else assertThat(out.charAt(i)).isEqualTo(in);
        }
    }

    @Property
    void fpeRadix62KeepsTheAlphanumericCharset(@ForAll("alnums") String value) {
        String out = Maskers.of(rule("fpe", "radix", 62), text("v", 40), SECRET).mask(value);
        assertThat(out).hasSameSizeAs(value).matches("[0-9A-Za-z]*");
    }

    @Property
    void fpeRadix36KeepsCase(@ForAll("alnums") String value) {
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        String out = Maskers.of(rule("fpe", "radix", 36), text("v", 40), SECRET).mask(upper);
        assertThat(out).hasSameSizeAs(upper).matches("[0-9A-Z]*");
    }

    @Provide
    Arbitrary<String> alnums() {
        return Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(30);
    }

    @Property
    void fpeWithLuhnKeepsCardNumbersLuhnValid(@ForAll @IntRange(min = 13, max = 19) int length, @ForAll @NumericChars @StringLength(19) String seed) {
        String payload = seed.substring(0, length - 1);
        String card = payload + Luhn.checkDigit(payload);
        String spaced = card.substring(0, 4) + " " + card.substring(4);
        String out = Maskers.of(rule("fpe", "luhn", true), text("card", 25), SECRET).mask(spaced);
        assertThat(out.charAt(4)).isEqualTo(' ');
        String digits = out.replace(" ", "");
        assertThat(digits).hasSize(length);
        assertThat(Luhn.valid(digits)).as(out).isTrue();
    }

    @Property
    void hashedIntegersStayInTheirTypesRange(@ForAll int value) {
        long out = Long.parseLong(Maskers.of(rule("hash"), of("id", TypeKind.INTEGER, "integer"), SECRET).mask(Integer.toString(value)));
        assertThat(out).isBetween((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE);
        long small = Long.parseLong(Maskers.of(rule("hash"), of("id", TypeKind.SMALLINT, "smallint"), SECRET).mask(Integer.toString((short) value)));
        assertThat(small).isBetween((long) Short.MIN_VALUE, (long) Short.MAX_VALUE);
    }

    @Property
    void noiseStaysWithinItsBound(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int value) {
        double out = Double.parseDouble(Maskers.of(rule("noise", "amount", 50), of("n", TypeKind.INTEGER, "integer"), SECRET).mask(Integer.toString(value)));
        assertThat(out).isBetween(value - 50.0, value + 50.0).isEqualTo(Math.rint(out));
        double pct = Double.parseDouble(Maskers.of(rule("noise", "percent", 10), of("n", TypeKind.DOUBLE, "double precision"), SECRET).mask(Integer.toString(value)));
        assertThat(pct).isBetween(value - Math.abs(value) * 0.1 - 1e-9, value + Math.abs(value) * 0.1 + 1e-9);
    }

    private static String word() {
        StringBuilder s = new StringBuilder();
        int n = 3 + RANDOM.nextInt(10);
        for (int i = 0; i < n; i++) s.append((char) ('a' + RANDOM.nextInt(26)));
        return s.toString();
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append((char) ('0' + RANDOM.nextInt(10)));
        return s.toString();
    }

    private static String alnum() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder();
        int n = 2 + RANDOM.nextInt(12);
        for (int i = 0; i < n; i++) s.append(alphabet.charAt(RANDOM.nextInt(62)));
        return s.toString();
    }

    private static String card() {
        String payload = "4" + digits(14);
        return payload + Luhn.checkDigit(payload);
    }
}

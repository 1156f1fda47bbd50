package io.seedfleet.masking.method;

import static io.seedfleet.masking.method.MaskRules.SECRET;
import static io.seedfleet.masking.method.MaskRules.masker;
import static io.seedfleet.masking.method.MaskRules.rule;
import static io.seedfleet.masking.method.MaskRules.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.Column;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** A fake masker told which values are real never outputs one, and stays a function of secret and value. */
class FakeAvoidingTest {
    private static final MaskRule LAST_NAME = rule("fake", "kind", "lastName");
    private static final Column COLUMN = text("last_name", 40);

    /** As the leak check compares: lower case, letters and digits only. */
    private static String normal(String v) {
        StringBuilder b = new StringBuilder();
        v.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    @Property(tries = 200)
    void aForbiddenDrawIsDrawnAgainTheSameWayEveryTime(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String value) {
        ColumnMasker plain = masker(LAST_NAME, COLUMN);
        // The real surnames: the plain fake of this value and of 300 others, so re-draws also meet real ones.
        Set<String> real = new HashSet<>();
        real.add(normal(plain.mask(value)));
        IntStream.range(0, 300).forEach(i -> real.add(normal(plain.mask(value + i))));
        Predicate<String> forbidden = v -> real.contains(normal(v));

        String masked = Maskers.of(LAST_NAME, new io.seedfleet.core.schema.Table(new io.seedfleet.core.schema.QualifiedName("public", "p"),
                java.util.List.of(COLUMN), java.util.List.of(), java.util.List.of(), java.util.List.of(), null), COLUMN, SECRET, forbidden).mask(value);
        assertThat(forbidden.test(masked)).as(masked).isFalse();
        assertThat(masked.length()).isLessThanOrEqualTo(40);
        assertThat(plain.avoiding(forbidden).mask(value)).as("deterministic").isEqualTo(masked);
        assertThat(plain.avoiding(v -> false).mask(value)).as("nothing forbidden: the plain fake").isEqualTo(plain.mask(value));
    }

    @Property(tries = 100)
    void whenEveryRealisticDrawIsForbiddenAKeyedTokenFittingTheColumnIsUsed(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String value) {
        // Every pool value starts with a capital letter (or is a phone/postcode with separators); tokens are base 36.
        Predicate<String> forbidden = v -> !v.matches("[0-9a-z]+");
        ColumnMasker narrow = masker(LAST_NAME, text("last_name", 8)).avoiding(forbidden);
        String token = narrow.mask(value);
        assertThat(token).matches("[0-9a-z]{8}");
        assertThat(narrow.mask(value)).isEqualTo(token);
        assertThat(masker(LAST_NAME, text("last_name", null)).avoiding(forbidden).mask(value)).matches("[0-9a-z]{13}");
        // Everything forbidden: still an answer, after a bounded number of draws.
        assertThat(masker(LAST_NAME, text("last_name", 8)).avoiding(v -> true).mask(value)).hasSize(8);
    }

    @Property(tries = 100)
    void aUniqueFakeKeepsItsSuffixSoDistinctValuesStayDistinct(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String value) {
        ColumnMasker unique = masker(rule("fake", "kind", "lastName", "unique", true), text("last_name", 60));
        String plain = unique.mask(value);
        String avoided = unique.avoiding(v -> v.equals(plain)).mask(value);
        assertThat(avoided).isNotEqualTo(plain);
        assertThat(avoided.substring(avoided.length() - 14)).isEqualTo(plain.substring(plain.length() - 14));
        assertThat(unique.avoiding(v -> true).bijective()).isTrue();
    }
}

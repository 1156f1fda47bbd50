package io.seedfleet.sources.document;

import io.seedfleet.core.schema.QualifiedName;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Strings that match a JSON Schema {@code pattern}, made with Datafaker's regexify: a pure function
 * of (seed, table, column, row), retried with the next draw until the string also meets the length
 * bounds and Java's regex engine finds the pattern in it (as ECMA 262 search semantics require).
 */
final class PatternValues {
    private static final int ATTEMPTS = 32;

    private static PatternValues trial;

    private final long seed;
    private final Random random = new Random();
    private final Faker faker = new Faker(random);
    private final Map<String, Pattern> compiled = new HashMap<>();

    PatternValues(long seed) {
        this.seed = seed;
    }

    String value(QualifiedName table, Shape.Scalar scalar, long row) {
        long salt = ArrayLayout.mix(seed ^ (table + "." + scalar.column()).hashCode() * 0x9E3779B97F4A7C15L);
        for (int block = 0; block < 8; block++) {
            // a row's own draws first; after those, draws no other row uses
            long first = block == 0 ? salt + row * ATTEMPTS : ArrayLayout.mix(salt + row) + block * (long) ATTEMPTS;
            String s = generate(scalar.pattern(), scalar.minLength(), scalar.maxLength(), first);
            if (s != null) return s;
        }
        throw new IllegalStateException("no string matching " + scalar.pattern() + " within its length bounds for row " + row + " of " + table);
    }

    /**
     * Whether regexify makes strings the pattern accepts within the bounds (it cannot for lookarounds
     * and back-references, or for bounds its strings never meet): tried on a few draws.
     */
    static synchronized boolean canGenerate(String regex, Integer minLength, Integer maxLength) {
        if (trial == null) trial = new PatternValues(0);
        for (int draw = 0; draw < 4; draw++) {
            String s = trial.generate(regex, minLength, maxLength, draw * (long) ATTEMPTS);
            if (s == null) return false;
        }
        return true;
    }

    /** The first of {@link #ATTEMPTS} draws that matches and fits; null when none does. */
    private String generate(String regex, Integer minLength, Integer maxLength, long firstDraw) {
        Pattern pattern = compiled.computeIfAbsent(regex, Pattern::compile);
        String generatable = anchorsRemoved(regex);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            random.setSeed(ArrayLayout.mix(firstDraw + attempt));
            String candidate;
            try {
                candidate = faker.regexify(generatable);
            } catch (RuntimeException unsupportedSyntax) {
                return null;
            }
            int length = candidate.codePointCount(0, candidate.length());
            boolean fits = (minLength == null || length >= minLength) && (maxLength == null || length <= maxLength);
            if (fits && pattern.matcher(candidate).find()) return candidate;
        }
        return null;
    }

    /** regexify reads ^ and $ as characters to produce; a whole-string match needs none. */
    private static String anchorsRemoved(String regex) {
        String r = regex;
        if (r.startsWith("^")) r = r.substring(1);
        if (r.endsWith("$") && !r.endsWith("\\$")) r = r.substring(0, r.length() - 1);
        return r;
    }
}

package io.seedfleet.masking.pii;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The masking rule proposed for a kind of personal data in a column: format-keeping where tests need
 * the format (card numbers stay Luhn-valid, phones keep their separators), realistic fakes for names
 * and places, generalised birth dates. A proposal is only made if {@link Maskers} accepts it for the
 * column; otherwise the next-best (hash, redact, null). On a column of a primary or unique key the
 * proposal is bijective where any candidate is (fakes get {@code unique: true}), since the masking
 * run refuses anything else there.
 */
final class RuleProposals {
    /** Only for checking that a rule applies; no value is masked with it. */
    private static final MaskingSecret PROBE = MaskingSecret.of("rule-proposal-probe-secret");

    private RuleProposals() {}

    static MaskRule propose(PiiKind kind, Table table, Column column) {
        TypeKind type = column.type().kind();
        boolean text = type.isText() || type == TypeKind.OTHER;
        // Any key the column is part of: the masking run refuses non-bijective methods on all of them.
        boolean unique = table.uniqueKeys().stream().anyMatch(k -> k.columns().contains(column.name()));
        List<MaskRule> candidates = new ArrayList<>();
        switch (kind) {
            case EMAIL -> candidates.add(rule("email"));
            case PHONE, NATIONAL_ID, IBAN -> candidates.add(text ? rule("fpe") : rule("hash"));
            case CREDIT_CARD -> candidates.add(text ? rule("fpe", "luhn", true) : rule("hash"));
            case PERSON_NAME -> candidates.add(fake("fullName", unique));
            case FIRST_NAME -> candidates.add(fake("firstName", unique));
            case LAST_NAME -> candidates.add(fake("lastName", unique));
            case STREET_ADDRESS -> candidates.add(fake("streetAddress", unique));
            case CITY -> candidates.add(fake("city", unique));
            case POSTCODE -> candidates.add(text ? fake("postcode", unique) : rule("generalize", "bucket", 100));
            case DATE_OF_BIRTH -> candidates.add(text ? rule("generalize", "keep", 4) : rule("generalize", "to", "year"));
            case USERNAME -> candidates.add(rule("hash"));
            case IP_ADDRESS -> candidates.add(text ? rule("hash") : rule("redact"));
            case PASSWORD_HASH -> candidates.add(rule("hash"));
            case FREE_TEXT -> candidates.add(rule("redact"));
        }
        candidates.add(rule("hash"));
        if (unique) candidates.add(rule("fpe", "radix", 62));
        candidates.add(rule("redact"));
        candidates.add(rule("null"));
        // Key columns first look for a bijective method (distinct values must stay distinct), then take any.
        for (boolean needBijective : unique ? new boolean[] {true, false} : new boolean[] {false}) {
            for (MaskRule candidate : candidates) {
                try {
                    if (!needBijective || Maskers.of(candidate, table, column, PROBE).bijective()) {
                        Maskers.of(candidate, table, column, PROBE);
                        return candidate;
                    }
                } catch (IllegalArgumentException e) {
                    // The column cannot take this method (type, length, NOT NULL): try the next.
                }
            }
        }
        return rule("redact");
    }

    private static MaskRule fake(String kind, boolean unique) {
        return unique ? rule("fake", "kind", kind, "unique", true) : rule("fake", "kind", kind);
    }

    private static MaskRule rule(String method, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) params.put((String) keyValues[i], keyValues[i + 1]);
        return new MaskRule(method, params);
    }
}

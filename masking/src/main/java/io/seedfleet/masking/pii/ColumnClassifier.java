package io.seedfleet.masking.pii;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether one column holds personal data, from its name (dictionaries in nine languages) and,
 * when values were sampled, the share of them that pass the kind's validator. A name alone gives 0.6
 * (a weak name such as {@code name} 0.3); agreeing values raise it towards 1, contradicting values
 * (under a fifth passing) drop it below the reporting threshold of {@value #THRESHOLD}. Without a
 * name match, values alone must pass a strict validator (e-mail, card with Luhn, IBAN mod 97, ...).
 */
final class ColumnClassifier {
    static final double THRESHOLD = 0.5;
    private static final double STRONG = 0.6;
    private static final double WEAK = 0.3;
    private static final Set<PiiKind> CONTRADICTABLE = EnumSet.of(PiiKind.EMAIL, PiiKind.PHONE, PiiKind.CREDIT_CARD, PiiKind.IBAN,
            PiiKind.IP_ADDRESS, PiiKind.DATE_OF_BIRTH, PiiKind.STREET_ADDRESS, PiiKind.PERSON_NAME, PiiKind.FIRST_NAME,
            PiiKind.LAST_NAME, PiiKind.POSTCODE, PiiKind.CITY, PiiKind.USERNAME);

    private final LocalDate today;

    ColumnClassifier(LocalDate today) {
        this.today = today;
    }

    /** {@code sample} is null when no values were read (a schema file): the name decides alone. */
    Optional<Classified> classify(Table table, Column column, List<String> sample) {
        Optional<ColumnNames.Match> match = ColumnNames.match(table.name().name(), column.name())
                .filter(m -> accepts(m.kind(), column.type().kind()));
        List<String> evidence = new ArrayList<>();
        if (match.isPresent()) {
            ColumnNames.Match m = match.get();
            evidence.add("column name matches '" + m.term() + "' (" + m.language() + (m.strength() == ColumnNames.Strength.WEAK ? ", weak" : "") + ")");
            double base = m.strength() == ColumnNames.Strength.STRONG ? STRONG : WEAK;
            if (sample == null || sample.isEmpty()) {
                evidence.add(sample == null ? "no values sampled (names only)" : "no non-null values sampled");
                if (base >= THRESHOLD) return Optional.of(new Classified(m.kind(), base, evidence));
            } else {
                double share = share(sample, validator(m.kind(), false));
                evidence.add(shareText(sample, share, m.kind()));
                double confidence;
                if (m.strength() == ColumnNames.Strength.STRONG) {
                    if (share >= 0.5) confidence = STRONG + 0.4 * share;
                    else if (share < 0.2 && sample.size() >= 5 && CONTRADICTABLE.contains(m.kind())) confidence = 0.25;
                    else confidence = THRESHOLD;
                } else {
                    confidence = share >= 0.5 ? WEAK + 0.6 * share : WEAK * share;
                }
                if (confidence >= THRESHOLD) return Optional.of(new Classified(refine(m.kind(), sample), round(confidence), evidence));
            }
        }
        if (sample == null || sample.size() < 3) return Optional.empty();
        return fromValues(column, sample, match.isPresent() ? evidence : new ArrayList<>(List.of("no column-name match")));
    }

    /** Values alone: the first strict validator most values pass. */
    private Optional<Classified> fromValues(Column column, List<String> sample, List<String> evidence) {
        TypeKind type = column.type().kind();
        record Candidate(PiiKind kind, double threshold) {}
        List<Candidate> order = List.of(new Candidate(PiiKind.EMAIL, 0.8), new Candidate(PiiKind.CREDIT_CARD, 0.8),
                new Candidate(PiiKind.IBAN, 0.8), new Candidate(PiiKind.NATIONAL_ID, 0.8), new Candidate(PiiKind.IP_ADDRESS, 0.8),
                new Candidate(PiiKind.PASSWORD_HASH, 0.8), new Candidate(PiiKind.PHONE, 0.8), new Candidate(PiiKind.STREET_ADDRESS, 0.7),
                new Candidate(PiiKind.PERSON_NAME, 0.7), new Candidate(PiiKind.FREE_TEXT, 0.3));
        for (Candidate c : order) {
            if (!accepts(c.kind(), type)) continue;
            double share = share(sample, validator(c.kind(), true));
            if (share < c.threshold()) continue;
            PiiKind kind = c.kind() == PiiKind.PERSON_NAME ? refine(PiiKind.PERSON_NAME, sample) : c.kind();
            List<String> out = new ArrayList<>(evidence);
            out.add(shareText(sample, share, c.kind()));
            double confidence = c.kind() == PiiKind.FREE_TEXT ? 0.5 + 0.4 * share : 0.2 + 0.7 * share;
            return Optional.of(new Classified(kind, round(confidence), out));
        }
        if (type == TypeKind.INET || type == TypeKind.CIDR) {
            List<String> out = new ArrayList<>(evidence);
            out.add("an inet column");
            return Optional.of(new Classified(PiiKind.IP_ADDRESS, 0.6, out));
        }
        return Optional.empty();
    }

    /** A person-name column whose values are single names is a first- or last-name column. */
    private static PiiKind refine(PiiKind kind, List<String> sample) {
        if (kind != PiiKind.PERSON_NAME) return kind;
        NameDictionary names = NameDictionary.get();
        int full = 0, given = 0, family = 0;
        for (String v : sample) {
            switch (names.shape(v)) {
                case FULL -> full++;
                case GIVEN -> given++;
                case FAMILY -> family++;
                default -> { }
            }
        }
        if (full >= given + family) return PiiKind.PERSON_NAME;
        return given >= family ? PiiKind.FIRST_NAME : PiiKind.LAST_NAME;
    }

    private Predicate<String> validator(PiiKind kind, boolean strict) {
        NameDictionary names = NameDictionary.get();
        return switch (kind) {
            case EMAIL -> Validators::email;
            case PHONE -> strict ? Validators::formattedPhone : Validators::phone;
            // Without a name hint only full names count: single words ("ok", "Rose") are names too often by chance.
            case PERSON_NAME -> strict ? v -> names.shape(v) == NameDictionary.Shape.FULL : v -> names.shape(v) != NameDictionary.Shape.NONE;
            case FIRST_NAME, LAST_NAME -> v -> names.shape(v) != NameDictionary.Shape.NONE;
            case STREET_ADDRESS -> Validators::streetAddress;
            case POSTCODE -> Validators::postcode;
            case CITY -> Validators::placeName;
            case DATE_OF_BIRTH -> v -> Validators.birthDate(v, today);
            case CREDIT_CARD -> Validators::creditCard;
            case IBAN -> Validators::iban;
            case NATIONAL_ID -> NationalIds::any;
            case IP_ADDRESS -> Validators::ipAddress;
            case USERNAME -> Validators::username;
            case PASSWORD_HASH -> v -> Validators.passwordHash(v, !strict); // a bare hex digest is a password hash only in a password column
            case FREE_TEXT -> Validators::textWithPii;
        };
    }

    private static String shareText(List<String> sample, double share, PiiKind kind) {
        long passing = Math.round(share * sample.size());
        return passing + " of " + sample.size() + " sampled values (" + Math.round(share * 100) + "%) pass the "
                + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " check";
    }

    private static double share(List<String> sample, Predicate<String> check) {
        if (sample.isEmpty()) return 0;
        long n = sample.stream().filter(check).count();
        return (double) n / sample.size();
    }

    /** Whether a column of this type can hold this kind of data. */
    static boolean accepts(PiiKind kind, TypeKind type) {
        if (type.isText() || type == TypeKind.OTHER) return true;
        return switch (kind) {
            case DATE_OF_BIRTH -> type == TypeKind.DATE || type == TypeKind.TIMESTAMP || type == TypeKind.TIMESTAMPTZ;
            case IP_ADDRESS -> type == TypeKind.INET || type == TypeKind.CIDR;
            case PHONE, CREDIT_CARD, NATIONAL_ID, POSTCODE -> type.isInteger() || type == TypeKind.NUMERIC;
            case PASSWORD_HASH -> type == TypeKind.BYTEA;
            default -> false;
        };
    }

    private static double round(double v) {
        return Math.round(Math.min(1, v) * 100) / 100.0;
    }

    record Classified(PiiKind kind, double confidence, List<String> evidence) {}
}

package io.seedfleet.masking.method;

import io.seedfleet.core.generate.Pools;
import io.seedfleet.core.generate.Semantic;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A realistic substitute of the same kind: the value's HMAC picks from the engine's Datafaker-built
 * pools ({@link Pools}), in the locale the value shows ({@link ScriptLocale}, or {@code params.locale}),
 * so the same value always gets the same fake. Candidates longer than the column are skipped. Many
 * values share a fake, so it is not bijective; {@code unique: true} appends 13 base-36 characters of
 * the HMAC (64 bits), which keeps a unique column unique for all practical purposes.
 *
 * <p>Because fakes come from the same pools as real data, a fake can be some other row's real value.
 * {@link #avoiding} gives a masker that re-draws (the HMAC of the value and the attempt number picks
 * again, so the output is still a function of secret and value) and after {@value #ATTEMPTS} forbidden
 * draws falls back to a keyed base-36 token fitting the column, which no real value resembles.
 */
final class FakeMasker implements ColumnMasker {
    /** Draws per value before the token fallback: enough that a fitting, allowed fake is almost always found. */
    static final int ATTEMPTS = 32;
    private static final int SUFFIX = 13;
    /** Length of the fallback token when the column allows it (64 bits of base 36). */
    private static final int TOKEN = 13;
    private final Semantic semantic;
    private final String fixedLocale;
    private final Integer maxLength;
    private final boolean unique;
    private final Keyed keyed;
    private final Predicate<String> forbidden;

    private FakeMasker(Semantic semantic, String fixedLocale, Integer maxLength, boolean unique, Keyed keyed, Predicate<String> forbidden) {
        this.semantic = semantic;
        this.fixedLocale = fixedLocale;
        this.maxLength = maxLength;
        this.unique = unique;
        this.keyed = keyed;
        this.forbidden = forbidden;
    }

    static ColumnMasker of(Params params, Semantic inferred, MaskingSecret secret) {
        params.allow("kind", "locale", "unique");
        if (!params.textual()) throw params.problem("fake applies to text columns");
        Semantic semantic = params.has("kind") ? kind(params) : inferred;
        if (semantic == Semantic.EMAIL) return EmailMasker.of(new Params(params.method(), params.column(), java.util.Map.of()), secret);
        String locale = params.string("locale", null);
        if (locale != null && Pools.LOCALES.stream().noneMatch(l -> l.tag().equals(locale))) {
            throw params.problem("locale must be one of " + Pools.LOCALES.stream().map(Pools.LocaleShare::tag).toList());
        }
        boolean unique = params.bool("unique", false);
        Integer length = params.column().type().length();
        if (unique && length != null && length < SUFFIX + 4) throw params.problem("unique fakes need at least " + (SUFFIX + 4) + " characters");
        return new FakeMasker(semantic, locale, unique && length != null ? Integer.valueOf(length - SUFFIX - 1) : length, unique, Keyed.of(secret, "fake"), v -> false);
    }

    private static Semantic kind(Params params) {
        String k = params.string("kind", "").replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
        try {
            return Semantic.valueOf(k.equals("NAME") ? "FULL_NAME" : k);
        } catch (IllegalArgumentException e) {
            throw params.problem("unknown kind '" + params.string("kind", "") + "' (e.g. firstName, lastName, fullName, email, phone, city, streetAddress, postcode, company, username)");
        }
    }

    @Override
    public boolean bijective() {
        return unique;
    }

    @Override
    public ColumnMasker avoiding(Predicate<String> forbidden) {
        Predicate<String> both = this.forbidden.or(forbidden);
        return new FakeMasker(semantic, fixedLocale, maxLength, unique, keyed, both);
    }

    @Override
    public String mask(String value) {
        if (value == null) return null;
        Pools.LocalePools pools = Pools.locale(fixedLocale != null ? fixedLocale : ScriptLocale.of(value));
        // Attempt 0 is the plain draw, so a run with nothing forbidden masks as it always did.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = pick(pools, value + "\u0000" + attempt);
            if (maxLength != null && candidate.length() > maxLength) continue;
            String out = finish(candidate, value);
            if (!forbidden.test(out)) return out;
        }
        if (maxLength != null) {
            // No draw fitted (or all were forbidden): the first draw cut to the column, as before.
            String first = pick(pools, value);
            String cut = finish(first.substring(0, Math.min(first.length(), maxLength)), value);
            if (!forbidden.test(cut)) return cut;
        }
        return token(value);
    }

    /** The unique suffix, if asked for: it depends on the value only, so re-draws keep distinct values distinct. */
    private String finish(String fake, String value) {
        if (!unique) return fake;
        String suffix = new BigInteger(1, java.util.Arrays.copyOf(keyed.mac("unique\u0000" + value), 8)).toString(36);
        return fake + "-" + "0".repeat(SUFFIX - suffix.length()) + suffix;
    }

    /**
     * The fallback when every draw was forbidden: base-36 characters of the value's HMAC, as many as the
     * column takes (at most {@value #TOKEN}), re-keyed a bounded number of times if even that is forbidden.
     */
    private String token(String value) {
        int length = maxLength == null ? TOKEN : Math.max(1, Math.min(TOKEN, maxLength));
        String out = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String digits = new BigInteger(1, java.util.Arrays.copyOf(keyed.mac("token\u0000" + value + "\u0000" + attempt), 9)).toString(36);
            out = finish(("0".repeat(TOKEN) + digits).substring(digits.length() + TOKEN - length), value);
            if (!forbidden.test(out)) return out;
        }
        return out; // 32 keyed tokens all equal to source values: only a source built to defeat the key
    }

    private String pick(Pools.LocalePools pools, String key) {
        return switch (semantic) {
            case FIRST_NAME -> from(pools.firstNames(), key);
            case LAST_NAME -> from(pools.lastNames(), key);
            case FULL_NAME -> fullName(pools, key);
            case USERNAME -> from(pools.firstNamesAscii(), key + "/f") + "." + from(pools.lastNamesAscii(), key + "/l") + keyed.indexOf(key + "/n", 100);
            case PHONE -> from(pools.phones(), key);
            case CITY -> from(pools.cities(), key);
            case REGION -> from(pools.regions(), key);
            case STREET_ADDRESS -> from(pools.streets(), key);
            case POSTCODE -> from(pools.postcodes(), key);
            case COMPANY -> from(pools.companies(), key);
            case JOB_TITLE -> from(Pools.generic("job"), key);
            case PRODUCT -> from(Pools.generic("product"), key);
            case DEPARTMENT -> from(Pools.generic("department"), key);
            case TITLE -> from(Pools.generic("sentence"), key);
            case DESCRIPTION -> from(Pools.generic("paragraph"), key);
            default -> from(Pools.generic("word"), key);
        };
    }

    private String fullName(Pools.LocalePools pools, String key) {
        String first = from(pools.firstNames(), key + "/f");
        String last = from(pools.lastNames(), key + "/l");
        return pools.familyFirst() ? last + pools.nameJoiner() + first : first + pools.nameJoiner() + last;
    }

    private String from(List<String> pool, String key) {
        return pool.get(keyed.indexOf(key, pool.size()));
    }

}

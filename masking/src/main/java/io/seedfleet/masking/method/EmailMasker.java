package io.seedfleet.masking.method;

import io.seedfleet.core.generate.Pools;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * A valid address whose local part carries 64 bits of the value's HMAC (after a fake
 * {@code first.last} when the column has room), so distinct addresses stay distinct and a unique
 * column stays unique. The domain is one of the reserved example domains, or with
 * {@code keepDomain: true} the original one (for tests that route by domain).
 */
final class EmailMasker implements ColumnMasker {
    private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net");
    /** "u" + 13 base-36 characters + "@example.com". */
    static final int MIN_LENGTH = 26;
    private final boolean keepDomain;
    private final Integer maxLength;
    private final Keyed keyed;

    private EmailMasker(boolean keepDomain, Integer maxLength, Keyed keyed) {
        this.keepDomain = keepDomain;
        this.maxLength = maxLength;
        this.keyed = keyed;
    }

    static ColumnMasker of(Params params, MaskingSecret secret) {
        params.allow("keepDomain");
        if (!params.textual()) throw params.problem("email applies to text columns");
        Integer length = params.column().type().length();
        if (length != null && length < MIN_LENGTH) throw params.problem("email needs a column of at least " + MIN_LENGTH + " characters, not " + length);
        return new EmailMasker(params.bool("keepDomain", false), length, Keyed.of(secret, "email"));
    }

    @Override
    public boolean bijective() {
        return true;
    }

    @Override
    public String mask(String value) {
        if (value == null) return null;
        byte[] mac = keyed.mac(value);
        String tag = new BigInteger(1, Arrays.copyOf(mac, 8)).toString(36);
        tag = "0".repeat(13 - tag.length()) + tag;
        int at = value.lastIndexOf('@');
        String domain = DOMAINS.get(Math.floorMod(mac[8], DOMAINS.size()));
        if (keepDomain && at >= 0 && at < value.length() - 1) {
            String original = value.substring(at + 1).strip();
            if (maxLength == null || original.length() + 15 <= maxLength) domain = original;
        }
        Pools.LocalePools pools = Pools.locale(ScriptLocale.DEFAULT);
        String first = pools.firstNamesAscii().get(Math.floorMod(Keyed.toLong(mac, 12), pools.firstNamesAscii().size()));
        String last = pools.lastNamesAscii().get(Math.floorMod(Keyed.toLong(mac, 20), pools.lastNamesAscii().size()));
        String named = first + "." + last + "." + tag + "@" + domain;
        if (maxLength == null || named.length() <= maxLength) return named;
        return "u" + tag + "@" + domain;
    }
}

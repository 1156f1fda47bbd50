package io.seedfleet.masking.method;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Format-preserving encryption: the value's digits ({@code radix: 10}, default) or ASCII letters and
 * digits ({@code radix: 36}, case-insensitive, or {@code 62}) are encrypted with FF1 in place, so
 * separators, other characters and the length stay as they were. {@code luhn: true} encrypts all
 * digits but the last and recomputes it, so card numbers stay Luhn-valid. The key is derived from
 * the secret with a label that names no column, so a value encrypts alike in every table.
 *
 * <p>Values too short for FF1 (fewer than a million possible strings, e.g. 5 digits) go through a
 * keyed shuffle of their whole domain instead, which is also a permutation.
 */
final class FpeMasker implements ColumnMasker {
    private static final String ALPHABET_62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final int radix;
    private final boolean luhn;
    private final Ff1 ff1;
    private final Keyed keyed;
    private final Map<Integer, int[]> shortDomains = new ConcurrentHashMap<>();

    private FpeMasker(int radix, boolean luhn, MaskingSecret secret) {
        this.radix = radix;
        this.luhn = luhn;
        this.keyed = Keyed.of(secret, "fpe/ff1/radix" + radix);
        this.ff1 = new Ff1(Keyed.of(secret, "fpe/ff1").mac("aes-256-key"), radix, new byte[0]);
    }

    static ColumnMasker of(Params params, MaskingSecret secret) {
        params.allow("radix", "luhn");
        if (!params.textual()) throw params.problem("fpe applies to text columns (store numbers to encrypt as text)");
        int radix = params.integer("radix", 10, 10, 62);
        if (radix != 10 && radix != 36 && radix != 62) throw params.problem("radix must be 10, 36 or 62, not " + radix);
        boolean luhn = params.bool("luhn", false);
        if (luhn && radix != 10) throw params.problem("luhn needs radix 10");
        return new FpeMasker(radix, luhn, secret);
    }

    /** Bijective over all values for radix 10 and 62; radix 36 folds case, so values differing only in case may meet. */
    @Override
    public boolean bijective() {
        return radix != 36;
    }

    @Override
    public String mask(String value) {
        if (value == null) return null;
        char[] chars = value.toCharArray();
        int[] positions = new int[chars.length];
        int n = 0;
        for (int i = 0; i < chars.length; i++) if (symbol(chars[i]) >= 0) positions[n++] = i;
        int encrypted = luhn && n >= 2 ? n - 1 : n;
        if (encrypted == 0) return value;
        byte[] symbols = new byte[encrypted];
        for (int i = 0; i < encrypted; i++) symbols[i] = (byte) symbol(chars[positions[i]]);
        byte[] out = encrypt(symbols);
        boolean upper = radix == 36 && !value.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        for (int i = 0; i < encrypted; i++) chars[positions[i]] = character(out[i], upper);
        if (encrypted < n) {
            StringBuilder payload = new StringBuilder(encrypted);
            for (int i = 0; i < encrypted; i++) payload.append(chars[positions[i]]);
            chars[positions[n - 1]] = (char) ('0' + Luhn.checkDigit(payload));
        }
        return new String(chars);
    }

    private byte[] encrypt(byte[] symbols) {
        if (ff1.accepts(symbols.length)) return ff1.encrypt(symbols);
        int[] shuffle = shortDomains.computeIfAbsent(symbols.length, this::shuffle);
        long index = 0;
        for (byte s : symbols) index = index * radix + s;
        long image = shuffle[(int) index];
        byte[] out = new byte[symbols.length];
        for (int i = symbols.length - 1; i >= 0; i--) {
            out[i] = (byte) (image % radix);
            image /= radix;
        }
        return out;
    }

    /** A keyed Fisher-Yates shuffle of the radix^length strings (under a million by construction). */
    private int[] shuffle(int length) {
        int size = (int) Math.round(Math.pow(radix, length));
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) perm[i] = i;
        Random random = new Random(keyed.longOf("short-domain/" + length));
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return Arrays.copyOf(perm, size);
    }

    private int symbol(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (radix == 10) return -1;
        if (c >= 'A' && c <= 'Z') return 10 + c - 'A';
        if (c >= 'a' && c <= 'z') return radix == 36 ? 10 + c - 'a' : 36 + c - 'a';
        return -1;
    }

    private char character(byte symbol, boolean upper) {
        if (radix == 36) {
            char c = ALPHABET_62.charAt(symbol);
            return upper ? c : Character.toLowerCase(c);
        }
        return ALPHABET_62.charAt(symbol);
    }
}

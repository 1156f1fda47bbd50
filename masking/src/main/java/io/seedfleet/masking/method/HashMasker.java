package io.seedfleet.masking.method;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigInteger;

/**
 * HMAC-SHA256 of the value: lower-case hex for text (cut to the column's length), a keyed permutation
 * of the type's range for integers (so integer keys stay unique), a keyed integer that fits the
 * precision for other numbers, and a UUID made of the MAC for uuid columns.
 */
final class HashMasker {
    /** Below 128 bits (32 hex characters) collisions among a large column's values stop being negligible. */
    static final int MIN_UNIQUE_HEX = 32;

    private HashMasker() {}

    static ColumnMasker of(Params params, MaskingSecret secret) {
        params.allow();
        Column column = params.column();
        TypeKind kind = column.type().kind();
        Keyed keyed = Keyed.of(secret, "hash");
        if (params.textual()) {
            Integer length = column.type().length();
            int width = length == null ? 64 : Math.min(64, length);
            if (width < 1) throw params.problem("the column is too short for a hash");
            boolean unique = width >= MIN_UNIQUE_HEX;
            return new ColumnMasker() {
                public String mask(String value) {
                    return value == null ? null : Keyed.hex(keyed.mac(value)).substring(0, width);
                }

                /** Untruncated or 128 bits at least: collisions are negligible. Shorter: distinct values may collide. */
                public boolean bijective() {
                    return unique;
                }
            };
        }
        if (kind.isInteger()) {
            int bits = kind == TypeKind.SMALLINT ? 16 : kind == TypeKind.INTEGER ? 32 : 64;
            KeyedPermutation permutation = new KeyedPermutation(keyed, bits);
            return new ColumnMasker() {
                public String mask(String value) {
                    if (value == null) return null;
                    long v = parseLong(params, value.trim());
                    long out = permutation.apply(v & bitMask(bits));
                    // Back to the type's signed range: the permutation works on the bit pattern.
                    return Long.toString(bits == 64 ? out : out << (64 - bits) >> (64 - bits));
                }

                public boolean bijective() {
                    return true;
                }
            };
        }
        if (kind == TypeKind.NUMERIC || kind == TypeKind.REAL || kind == TypeKind.DOUBLE || kind == TypeKind.MONEY) {
            Integer precision = column.type().precision();
            int scale = column.type().scale() == null ? 0 : column.type().scale();
            int digits = kind == TypeKind.NUMERIC && precision != null ? Math.max(1, Math.min(18, precision - scale)) : 9;
            BigInteger bound = BigInteger.TEN.pow(digits);
            return value -> value == null ? null
                    : new BigInteger(1, keyed.mac(value.trim())).mod(bound).toString();
        }
        if (kind == TypeKind.UUID) {
            return new ColumnMasker() {
                public String mask(String value) {
                    if (value == null) return null;
                    String h = Keyed.hex(keyed.mac(value.trim().toLowerCase(java.util.Locale.ROOT)));
                    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20, 32);
                }

                public boolean bijective() {
                    return true;
                }
            };
        }
        throw params.problem("hash applies to text, numeric and uuid columns");
    }

    private static long bitMask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    static long parseLong(Params params, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw params.problem("not an integer value");
        }
    }
}

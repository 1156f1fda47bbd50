package io.seedfleet.core.generate;

import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.TypeKind;
import java.util.ArrayList;
import java.util.List;

/** Generators for the structured types: uuid, json, network addresses, bytes, intervals, arrays. */
final class Values {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final List<String> WORDS = Pools.generic("word");

    private Values() {}

    /**
     * A version-4-shaped UUID. When unique, the low 62 bits are a bijection of the row index
     * (SplitMix's finaliser restricted to 62 bits is still one-to-one), so no two rows collide.
     */
    static ColumnGenerator uuid(long salt, boolean unique) {
        return (row, out) -> {
            long hi = (Mix.at(salt, row) & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
            long lo = unique ? bijective62(row ^ (salt & 0x3FFFFFFFFFFFFFFFL)) : Mix.at(salt + 1, row);
            lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            hex(out, hi >>> 32, 8);
            out.put((byte) '-');
            hex(out, (hi >>> 16) & 0xFFFF, 4);
            out.put((byte) '-');
            hex(out, hi & 0xFFFF, 4);
            out.put((byte) '-');
            hex(out, lo >>> 48, 4);
            out.put((byte) '-');
            hex(out, lo & 0xFFFFFFFFFFFFL, 12);
        };
    }

    /** xorshift-multiply rounds within 62 bits: each step is invertible, so the whole map is. */
    static long bijective62(long x) {
        final long mask = 0x3FFFFFFFFFFFFFFFL;
        x &= mask;
        x ^= x >>> 31;
        x = (x * 0x7FB5D329728EA185L) & mask;
        x ^= x >>> 27;
        x = (x * 0x81DADEF4BC2DD44DL) & mask;
        x ^= x >>> 33;
        return x;
    }

    /** Small JSON objects, pre-rendered per column and picked per row. */
    static ColumnGenerator json(long salt, String column) {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            long r = Mix.at(salt, i);
            String a = WORDS.get((int) ((r >>> 1) % WORDS.size()));
            String b = WORDS.get((int) ((r >>> 17) % WORDS.size()));
            docs.add("{\"source\": \"" + a + "\", \"version\": " + (r >>> 60) + ", \"tags\": [\"" + a + "\", \"" + b + "\"], \"enabled\": "
                    + ((r & 1) == 0) + ", \"score\": " + ((r >>> 40) % 1000) + "}");
        }
        return new ChoiceColumn(docs, null, salt);
    }

    static ColumnGenerator cidr(long salt) {
        return (row, out) -> {
            long v = Mix.at(salt, row);
            out.longValue(11 + (v >>> 56) % 200);
            out.put((byte) '.');
            out.longValue((v >>> 48) & 0xff);
            out.put((byte) '.');
            out.longValue((v >>> 40) & 0xff);
            out.ascii(".0/24");
        };
    }

    static ColumnGenerator mac(long salt, boolean unique) {
        return (row, out) -> {
            long v = unique ? (0x020000000000L | (bijective62(row) & 0xFFFFFFFFFFL)) : (Mix.at(salt, row) & 0xFEFFFFFFFFFFL) | 0x020000000000L;
            for (int i = 5; i >= 0; i--) {
                hex(out, (v >>> (8 * i)) & 0xff, 2);
                if (i > 0) out.put((byte) ':');
            }
        };
    }

    /** bytea in hex form; the backslash is doubled for COPY's text format. */
    static ColumnGenerator bytea(long salt) {
        return (row, out) -> {
            out.put((byte) '\\');
            out.put((byte) '\\');
            out.put((byte) 'x');
            hex(out, Mix.at(salt, row), 16);
            hex(out, Mix.at(salt + 1, row), 16);
        };
    }

    static ColumnGenerator interval(long salt) {
        return (row, out) -> {
            long v = Mix.at(salt, row);
            out.longValue((v >>> 1) % 90);
            out.ascii(" days ");
            out.time(((v >>> 20) % 86_400) * 1_000_000L);
        };
    }

    static ColumnGenerator xml(long salt) {
        byte[][] words = Texts.encode(WORDS);
        return (row, out) -> {
            out.ascii("<note>");
            out.bytes(words[(int) ((Mix.at(salt, row) >>> 1) % words.length)]);
            out.ascii("</note>");
        };
    }

    static ColumnGenerator bits(long salt, int length) {
        return (row, out) -> {
            long v = Mix.at(salt, row);
            for (int i = 0; i < length; i++) {
                if (i % 64 == 63) v = Mix.mix(v);
                out.put((byte) (((v >>> (i % 64)) & 1) == 0 ? '0' : '1'));
            }
        };
    }

    /** Arrays of 0 to 3 elements for integer, text and uuid elements; other element types get '{}'. */
    static ColumnGenerator array(ColumnType element, long salt) {
        TypeKind k = element == null ? TypeKind.OTHER : element.kind();
        byte[][] words = Texts.encode(WORDS);
        return (row, out) -> {
            long v = Mix.at(salt, row);
            int n = (int) (v & 3);
            out.put((byte) '{');
            if (k.isInteger() || k.isText()) {
                for (int i = 0; i < n; i++) {
                    if (i > 0) out.put((byte) ',');
                    long e = Mix.mix(v + i);
                    if (k.isInteger()) {
                        out.longValue((e >>> 1) % 1000);
                    } else {
                        out.put((byte) '"');
                        out.bytes(words[(int) ((e >>> 1) % words.length)]);
                        out.put((byte) '"');
                    }
                }
            }
            out.put((byte) '}');
        };
    }

    private static void hex(CopyTextWriter out, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) out.put(HEX[(int) ((v >>> (4 * i)) & 0xF)]);
    }
}

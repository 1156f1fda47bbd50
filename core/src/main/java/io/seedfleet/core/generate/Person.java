package io.seedfleet.core.generate;

import java.util.List;

/**
 * The person behind a row: a locale and name indexes drawn once from the row index, so that the
 * row's first name, last name, email, username, phone and address all agree.
 */
final class Person {
    private static final Pools.LocalePools[] LOCALES = Pools.LOCALES.stream().map(l -> Pools.locale(l.tag())).toArray(Pools.LocalePools[]::new);
    private static final int[] CUMULATIVE = cumulative();
    private static final byte[][][] FIRST = encode(l -> l.firstNames());
    private static final byte[][][] LAST = encode(l -> l.lastNames());
    private static final byte[][][] FIRST_ASCII = encode(l -> l.firstNamesAscii());
    private static final byte[][][] LAST_ASCII = encode(l -> l.lastNamesAscii());

    private final long salt;

    Person(long salt) {
        this.salt = salt;
    }

    long bits(long row) {
        return Mix.at(salt, row);
    }

    static int locale(long bits) {
        int r = Mix.belowInt(bits, 1000);
        int i = 0;
        while (CUMULATIVE[i] <= r) i++;
        return i;
    }

    static Pools.LocalePools pools(int locale) {
        return LOCALES[locale];
    }

    private static final byte[][] JOINERS = java.util.Arrays.stream(LOCALES).map(l -> CopyTextWriter.escape(l.nameJoiner())).toArray(byte[][]::new);

    static boolean familyFirst(long bits) {
        return LOCALES[locale(bits)].familyFirst();
    }

    static byte[] nameJoiner(long bits) {
        return JOINERS[locale(bits)];
    }

    static byte[] first(long bits) {
        byte[][] names = FIRST[locale(bits)];
        return names[(int) ((bits >>> 8) % names.length)];
    }

    static byte[] last(long bits) {
        byte[][] names = LAST[locale(bits)];
        return names[(int) ((bits >>> 24) % names.length)];
    }

    static byte[] firstAscii(long bits) {
        byte[][] names = FIRST_ASCII[locale(bits)];
        return names[(int) ((bits >>> 8) % names.length)];
    }

    static byte[] lastAscii(long bits) {
        byte[][] names = LAST_ASCII[locale(bits)];
        return names[(int) ((bits >>> 24) % names.length)];
    }

    private static int[] cumulative() {
        int[] c = new int[Pools.LOCALES.size()];
        int sum = 0;
        for (int i = 0; i < c.length; i++) c[i] = sum += Pools.LOCALES.get(i).perMille();
        c[c.length - 1] = 1000;
        return c;
    }

    private static byte[][][] encode(java.util.function.Function<Pools.LocalePools, List<String>> pool) {
        byte[][][] out = new byte[LOCALES.length][][];
        for (int i = 0; i < LOCALES.length; i++) out[i] = pool.apply(LOCALES[i]).stream().map(CopyTextWriter::escape).toArray(byte[][]::new);
        return out;
    }
}

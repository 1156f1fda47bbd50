package io.seedfleet.core.generate;

import java.util.List;
import java.util.Map;

/**
 * The person behind a row: a locale and name indexes drawn once from the row index, so that the
 * row's first name, last name, email, username, phone and address all agree.
 */
final class Person {
    private static final Pools.LocalePools[] LOCALES = Pools.LOCALES.stream().map(l -> Pools.locale(l.tag())).toArray(Pools.LocalePools[]::new);
    private static final byte[][][] FIRST = encode(l -> l.firstNames());
    private static final byte[][][] LAST = encode(l -> l.lastNames());
    private static final byte[][][] FIRST_ASCII = encode(l -> l.firstNamesAscii());
    private static final byte[][][] LAST_ASCII = encode(l -> l.lastNamesAscii());

    private final long salt;
    private final int[] cumulative;

    /** @param mix locale tag to weight; empty for the default shares of {@link Pools#LOCALES} */
    Person(long salt, Map<String, Integer> mix) {
        this.salt = salt;
        this.cumulative = cumulative(mix);
    }



    long bits(long row) {
        return Mix.at(salt, row);
    }

    int locale(long bits) {
        int r = Mix.belowInt(bits, cumulative[cumulative.length - 1]);
        int i = 0;
        while (cumulative[i] <= r) i++;
        return i;
    }

    static Pools.LocalePools pools(int locale) {
        return LOCALES[locale];
    }

    private static final byte[][] JOINERS = java.util.Arrays.stream(LOCALES).map(l -> CopyTextWriter.escape(l.nameJoiner())).toArray(byte[][]::new);

    boolean familyFirst(long bits) {
        return LOCALES[locale(bits)].familyFirst();
    }

    byte[] nameJoiner(long bits) {
        return JOINERS[locale(bits)];
    }

    byte[] first(long bits) {
        byte[][] names = FIRST[locale(bits)];
        return names[(int) ((bits >>> 8) % names.length)];
    }

    byte[] last(long bits) {
        byte[][] names = LAST[locale(bits)];
        return names[(int) ((bits >>> 24) % names.length)];
    }

    byte[] firstAscii(long bits) {
        byte[][] names = FIRST_ASCII[locale(bits)];
        return names[(int) ((bits >>> 8) % names.length)];
    }

    byte[] lastAscii(long bits) {
        byte[][] names = LAST_ASCII[locale(bits)];
        return names[(int) ((bits >>> 24) % names.length)];
    }

    private static int[] cumulative(Map<String, Integer> mix) {
        int[] c = new int[Pools.LOCALES.size()];
        int sum = 0;
        for (int i = 0; i < c.length; i++) {
            Pools.LocaleShare l = Pools.LOCALES.get(i);
            c[i] = sum += mix.isEmpty() ? l.perMille() : Math.max(0, mix.getOrDefault(l.tag(), 0));
        }
        if (sum == 0) throw new IllegalArgumentException("the locale mix gives no locale a share");
        return c;
    }

    private static byte[][][] encode(java.util.function.Function<Pools.LocalePools, List<String>> pool) {
        byte[][][] out = new byte[LOCALES.length][][];
        for (int i = 0; i < LOCALES.length; i++) out[i] = pool.apply(LOCALES[i]).stream().map(CopyTextWriter::escape).toArray(byte[][]::new);
        return out;
    }
}

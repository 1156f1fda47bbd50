package io.seedfleet.core.generate;

import java.nio.charset.StandardCharsets;

/**
 * The counter-based randomness behind every value: a SplitMix64 finaliser over
 * (run seed, table, column, row index). No state is carried from row to row, so any chunk can be
 * made by any worker, in any order, any number of times, with the same result.
 */
public final class Mix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {}

    /** SplitMix64's finaliser: a bijection on 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A salt for one stream (say a column of a table) under a seed. */
    public static long salt(long seed, String stream) {
        return mix(seed ^ fnv1a(stream));
    }

    /** The random 64 bits of row {@code row} in the stream identified by {@code salt}. */
    public static long at(long salt, long row) {
        return mix(salt + row * GOLDEN);
    }

    /** A uniform index in [0, bound) from 64 random bits; bound must be positive. */
    public static long below(long random, long bound) {
        return Long.remainderUnsigned(random, bound);
    }

    /** A uniform index in [0, bound) for small int bounds, without division. */
    public static int belowInt(long random, int bound) {
        return (int) (((random >>> 32) * bound) >>> 32);
    }

    /** A uniform double in [0, 1). */
    public static double unit(long random) {
        return (random >>> 11) * 0x1.0p-53;
    }

    /** FNV-1a over UTF-8: stable across JVMs, unlike relying on identity or default charsets. */
    public static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}

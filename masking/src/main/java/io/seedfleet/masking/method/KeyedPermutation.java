package io.seedfleet.masking.method;

import java.nio.ByteBuffer;

/**
 * A keyed permutation of the {@code bits}-bit integers (a balanced Feistel network, HMAC as its round
 * function): every input has its own output and no two share one, so masked integer keys stay unique
 * and still fit their column's type.
 */
final class KeyedPermutation {
    private static final int ROUNDS = 6;
    private final Keyed keyed;
    private final int half;
    private final long halfMask;

    KeyedPermutation(Keyed keyed, int bits) {
        if (bits % 2 != 0 || bits < 2 || bits > 64) throw new IllegalArgumentException("bits must be even, 2..64");
        this.keyed = keyed;
        this.half = bits / 2;
        this.halfMask = half == 32 ? 0xffff_ffffL : (1L << half) - 1;
    }

    long apply(long value) {
        long left = (value >>> half) & halfMask;
        long right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (round(round, right) & halfMask);
            left = right;
            right = next;
        }
        return (left << half) | right;
    }

    private long round(int round, long right) {
        byte[] mac = keyed.mac(ByteBuffer.allocate(12).putInt(round).putLong(right).array());
        return Keyed.toLong(mac, 0);
    }
}

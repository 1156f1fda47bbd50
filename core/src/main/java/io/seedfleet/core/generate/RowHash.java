package io.seedfleet.core.generate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit hash of one rendered row. A chunk's checksum is the sum of its rows' hashes, so a table's
 * checksum is the same however its rows are split into chunks or ordered.
 */
public final class RowHash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private RowHash() {}

    public static long of(byte[] b, int from, int to) {
        long h = 0x27D4EB2F165667C5L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(b, i) * 0x9E3779B97F4A7C15L, 27) * 0xC2B2AE3D27D4EB4FL;
        }
        for (; i < to; i++) h = (h ^ (b[i] & 0xff)) * 0x100000001B3L;
        return Mix.mix(h);
    }
}

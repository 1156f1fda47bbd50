package io.seedfleet.masking.method;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a key derived from the masking secret for one purpose (a label such as
 * {@code "hash"} or {@code "fake"}). The label never names a table or column, so the same value masks
 * alike wherever it appears, which keeps foreign keys joinable.
 */
final class Keyed {
    private final SecretKeySpec key;
    /** One initialised Mac per thread: masking runs call this for every value, from many threads. */
    private final ThreadLocal<Mac> macs;

    private Keyed(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(this.key));
    }

    static Keyed of(MaskingSecret secret, String purpose) {
        return new Keyed(hmac(new SecretKeySpec(secret.bytes(), "HmacSHA256"), ("seedfleet/masking/" + purpose).getBytes(StandardCharsets.UTF_8)));
    }

    byte[] mac(String value) {
        return macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] mac(byte[] value) {
        return macs.get().doFinal(value);
    }

    /** The first 8 bytes of the value's MAC as a long. */
    long longOf(String value) {
        return toLong(mac(value), 0);
    }

    /** A number in {@code [0, bound)} from the value's MAC (bound small enough that modulo bias is negligible). */
    int indexOf(String value, int bound) {
        return (int) Math.floorMod(longOf(value), (long) bound);
    }

    /** A number in [-1, 1] from the value's MAC: the noise methods scale it. */
    double unitOf(String value) {
        return ((longOf(value) >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    static long toLong(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[offset + i] & 0xff);
        return v;
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        return s.toString();
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        return newMac(key).doFinal(data);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}

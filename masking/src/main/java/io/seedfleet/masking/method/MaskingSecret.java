package io.seedfleet.masking.method;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key every keyed masking method derives from (HMAC, FF1, consistent fakes). Never printed:
 * {@link #toString()} is redacted. Read from {@code SEEDFLEET_MASKING_SECRET} by default.
 */
public final class MaskingSecret {
    public static final String ENVIRONMENT_VARIABLE = "SEEDFLEET_MASKING_SECRET";
    private final byte[] key;

    private MaskingSecret(byte[] key) {
        if (key.length < 16) throw new IllegalArgumentException("the masking secret must be at least 16 bytes");
        this.key = key.clone();
    }

    public static MaskingSecret of(String secret) {
        return new MaskingSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static MaskingSecret fromEnvironment() {
        String secret = System.getenv(ENVIRONMENT_VARIABLE);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("set " + ENVIRONMENT_VARIABLE + " to the masking secret (at least 16 characters); it is never logged");
        }
        return of(secret);
    }

    /** The raw key, for the methods that derive from it; a copy, so no caller can change it. */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskingSecret other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MaskingSecret[***]";
    }
}

package io.seedfleet.masking.method;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * FF1 format-preserving encryption (NIST SP 800-38G) with AES, as BouncyCastle implements it: a
 * string of symbols below {@code radix} becomes another of the same length, and distinct inputs stay
 * distinct. FF1 is only defined for domains of at least a million values (radix^length >= 10^6);
 * {@link FpeMasker} takes shorter values elsewhere.
 */
public final class Ff1 {
    public static final int MIN_DOMAIN = 1_000_000;
    private final byte[] key;
    private final int radix;
    private final byte[] tweak;

    public Ff1(byte[] key, int radix, byte[] tweak) {
        if (radix < 2 || radix > 256) throw new IllegalArgumentException("radix must be 2..256");
        this.key = key.clone();
        this.radix = radix;
        this.tweak = tweak.clone();
    }

    /** Encrypts symbols (each below the radix); the engine is made per call, as BouncyCastle's is stateful. */
    public byte[] encrypt(byte[] symbols) {
        FPEFF1Engine engine = new FPEFF1Engine(AESEngine.newInstance());
        engine.init(true, new FPEParameters(new KeyParameter(key), radix, tweak));
        byte[] out = new byte[symbols.length];
        engine.processBlock(symbols, 0, symbols.length, out, 0);
        return out;
    }

    public boolean accepts(int length) {
        return Math.pow(radix, length) >= MIN_DOMAIN;
    }
}

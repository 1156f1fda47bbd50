package io.seedfleet.masking.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NIST SP 800-38G FF1 samples (AES-128): the engine is wired right (key, radix, tweak, symbol order). */
class Ff1Test {
    private static final byte[] KEY = HexFormat.of().parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    @Test
    void sample1_radix10_emptyTweak() {
        assertThat(encrypt(10, "", "0123456789")).isEqualTo("2433477484");
    }

    @Test
    void sample2_radix10_withTweak() {
        assertThat(encrypt(10, "39383736353433323130", "0123456789")).isEqualTo("6124200773");
    }

    @Test
    void sample3_radix36_withTweak() {
        assertThat(encrypt(36, "3737373770717273373737", "0123456789abcdefghi")).isEqualTo("a9tv40mll9kdu509eum");
    }

    private static String encrypt(int radix, String tweakHex, String plain) {
        byte[] symbols = new byte[plain.length()];
        for (int i = 0; i < symbols.length; i++) symbols[i] = (byte) ALPHABET.indexOf(plain.charAt(i));
        byte[] out = new Ff1(KEY, radix, HexFormat.of().parseHex(tweakHex)).encrypt(symbols);
        StringBuilder s = new StringBuilder();
        for (byte b : out) s.append(ALPHABET.charAt(b));
        return s.toString();
    }
}

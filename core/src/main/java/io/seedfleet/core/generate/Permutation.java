package io.seedfleet.core.generate;

/**
 * A bijection of [0, size): {@code (multiplier * i + offset) mod size} with a multiplier coprime to
 * size. It makes unique values look random while staying unique by construction.
 */
public final class Permutation {
    private final long size;
    private final long multiplier;
    private final long offset;

    public Permutation(long size, long salt) {
        if (size <= 0) throw new IllegalArgumentException("size must be positive");
        this.size = size;
        long candidate = (Mix.mix(salt) >>> 2) % size | 1;
        while (gcd(candidate, size) != 1) candidate += 2;
        this.multiplier = candidate % size == 0 ? 1 : candidate % size;
        this.offset = Long.remainderUnsigned(Mix.mix(salt + 1), size);
    }

    public long apply(long i) {
        // multiplyHigh-free modular product: both factors are < size <= 2^62, so use Math.multiplyHigh
        // only when the product might overflow.
        long product;
        if (size < (1L << 31)) {
            product = (multiplier * (i % size)) % size;
        } else {
            product = mulMod(multiplier, i % size, size);
        }
        long r = product + offset;
        return r >= size || r < 0 ? r - size : r;
    }

    public long size() {
        return size;
    }

    private static long mulMod(long a, long b, long m) {
        return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                .mod(java.math.BigInteger.valueOf(m)).longValue();
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}

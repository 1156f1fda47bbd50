package io.seedfleet.core.generate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Text column generators: people, places, pooled words, and composed values such as slugs and URLs. */
final class Texts {
    private static final byte[] AT = {'@'};
    private static final byte[][] DOMAINS = encode(Pools.generic("domain"));
    private static final byte[][] WORDS = encode(Pools.generic("word"));

    private Texts() {}

    static ColumnGenerator firstName(Person p) {
        return (row, out) -> out.bytes(p.first(p.bits(row)));
    }

    static ColumnGenerator lastName(Person p) {
        return (row, out) -> out.bytes(p.last(p.bits(row)));
    }

    /** Given name first, or family name first where the locale writes it so (山田 太郎, 王伟, 김민준). */
    static ColumnGenerator fullName(Person p) {
        return (row, out) -> {
            long bits = p.bits(row);
            if (p.familyFirst(bits)) {
                out.bytes(p.last(bits));
                out.bytes(p.nameJoiner(bits));
                out.bytes(p.first(bits));
            } else {
                out.bytes(p.first(bits));
                out.put((byte) ' ');
                out.bytes(p.last(bits));
            }
        };
    }

    /** first.last, then a number: the row's unique index when the column is unique, a small one otherwise. */
    static ColumnGenerator username(Person p, Permutation unique, int maxChars) {
        return (row, out) -> {
            long bits = p.bits(row);
            int mark = out.length();
            out.bytes(p.firstAscii(bits));
            out.put((byte) '.');
            out.bytes(p.lastAscii(bits));
            if (unique != null) {
                out.truncate(mark, Math.max(1, maxChars - digits(unique.size())));
                out.longValue(unique.apply(row));
            } else {
                out.longValue((bits >>> 40) % 100);
                out.truncate(mark, maxChars);
            }
        };
    }

    /** Addresses at reserved example domains (RFC 2606), so test data can never email a real person. */
    static ColumnGenerator email(Person p, Permutation unique, int maxChars) {
        return (row, out) -> {
            long bits = p.bits(row);
            byte[] domain = DOMAINS[(int) ((bits >>> 48) % DOMAINS.length)];
            int mark = out.length();
            out.bytes(p.firstAscii(bits));
            out.put((byte) '.');
            out.bytes(p.lastAscii(bits));
            int localMax = Math.max(1, maxChars - domain.length - 1 - (unique == null ? 2 : digits(unique.size())));
            out.truncate(mark, Math.min(localMax, 60));
            if (unique != null) out.longValue(unique.apply(row));
            else out.longValue((bits >>> 40) % 100);
            out.bytes(AT);
            out.bytes(domain);
        };
    }

    /** A value from the row's locale pool (city, phone, street...): agrees with the row's person. */
    static ColumnGenerator localePooled(Person p, Function<Pools.LocalePools, List<String>> pool, long salt) {
        byte[][][] perLocale = new byte[Pools.LOCALES.size()][][];
        for (int i = 0; i < perLocale.length; i++) perLocale[i] = encode(pool.apply(Person.pools(i)));
        return (row, out) -> {
            byte[][] values = perLocale[p.locale(p.bits(row))];
            out.bytes(values[Mix.belowInt(Mix.at(salt, row), values.length)]);
        };
    }

    /** A value that follows the row's locale: its tag, language, currency or one of its time zones. */
    static ColumnGenerator ofLocale(Person p, Function<Pools.LocaleShare, List<String>> values, long salt) {
        byte[][][] perLocale = Pools.LOCALES.stream().map(l -> encode(values.apply(l))).toArray(byte[][][]::new);
        return (row, out) -> {
            byte[][] options = perLocale[p.locale(p.bits(row))];
            out.bytes(options.length == 1 ? options[0] : options[Mix.belowInt(Mix.at(salt, row), options.length)]);
        };
    }

    static ColumnGenerator countryCode(Person p, int maxChars) {
        return (row, out) -> {
            String code = Person.pools(p.locale(p.bits(row))).countryCode();
            out.ascii(maxChars >= 3 && maxChars < 10 ? new Locale("", code).getISO3Country() : code);
        };
    }

    static ColumnGenerator pooled(List<String> pool, long salt) {
        return new ChoiceColumn(pool, null, salt);
    }

    static ColumnGenerator words(long salt, int min, int max, boolean capitalise) {
        return (row, out) -> {
            long r = Mix.at(salt, row);
            int n = min + Mix.belowInt(r, max - min + 1);
            for (int i = 0; i < n; i++) {
                if (i > 0) out.put((byte) ' ');
                byte[] w = WORDS[(int) (Mix.at(salt + i + 1, row) >>> 33) % WORDS.length];
                if (i == 0 && capitalise) {
                    out.put((byte) (w[0] - 32));
                    out.bytes(w, 1, w.length - 1);
                } else {
                    out.bytes(w);
                }
            }
        };
    }

    static ColumnGenerator slug(long salt) {
        return (row, out) -> {
            long r = Mix.at(salt, row);
            out.bytes(WORDS[(int) ((r >>> 1) % WORDS.length)]);
            out.put((byte) '-');
            out.bytes(WORDS[(int) ((r >>> 20) % WORDS.length)]);
        };
    }

    static ColumnGenerator url(long salt) {
        byte[] prefix = CopyTextWriter.escape("https://www.");
        return (row, out) -> {
            long r = Mix.at(salt, row);
            out.bytes(prefix);
            out.bytes(DOMAINS[(int) ((r >>> 1) % DOMAINS.length)]);
            out.put((byte) '/');
            out.bytes(WORDS[(int) ((r >>> 20) % WORDS.length)]);
            out.put((byte) '/');
            out.base36((r >>> 40), 4);
        };
    }

    /** Random-looking lower-case alphanumerics of a fixed width. */
    static ColumnGenerator token(long salt, int width) {
        return (row, out) -> {
            long r = Mix.at(salt, row);
            for (int i = 0; i < width; i++) {
                if (i > 0 && i % 12 == 0) r = Mix.mix(r + i);
                int d = (int) Long.remainderUnsigned(r, 36);
                r = Long.divideUnsigned(r, 36);
                out.put((byte) (d < 10 ? '0' + d : 'a' + d - 10));
            }
        };
    }

    /** PREFIX-00012345: random digits, or, when unique, the row's place in a permutation of the rows. */
    static ColumnGenerator referenceNumber(String prefix, long salt, Permutation unique) {
        byte[] p = CopyTextWriter.escape(prefix + "-");
        int width = unique == null ? 8 : Math.max(8, digits(unique.size()));
        return (row, out) -> {
            out.bytes(p);
            out.zeroPadded(unique != null ? unique.apply(row) : Mix.below(Mix.at(salt, row), 100_000_000L), width);
        };
    }

    static ColumnGenerator fileName(long salt) {
        byte[][] ext = encode(Pools.generic("extension"));
        return (row, out) -> {
            long r = Mix.at(salt, row);
            out.bytes(WORDS[(int) ((r >>> 1) % WORDS.length)]);
            out.put((byte) '_');
            out.bytes(WORDS[(int) ((r >>> 20) % WORDS.length)]);
            out.put((byte) '.');
            out.bytes(ext[(int) ((r >>> 40) % ext.length)]);
        };
    }

    /** An IPv4 address outside the private, loopback and multicast ranges. */
    static ColumnGenerator ipv4(long salt, Permutation unique) {
        return (row, out) -> {
            long v = unique != null ? unique.apply(row) : Mix.at(salt, row) & 0xFFFFFFFFL;
            int a = 11 + (int) ((v >>> 24) % 212); // 11..222
            if (a == 127 || a == 172 || a == 192 || a == 169 || a == 100) a++;
            out.longValue(a);
            out.put((byte) '.');
            out.longValue((v >>> 16) & 0xff);
            out.put((byte) '.');
            out.longValue((v >>> 8) & 0xff);
            out.put((byte) '.');
            out.longValue(v & 0xff);
        };
    }

    /** An IBAN for the row's country, with valid mod-97 check digits (ISO 13616), digits-only BBAN. */
    static ColumnGenerator iban(Person p, long salt) {
        return (row, out) -> {
            String country = Person.pools(p.locale(p.bits(row))).countryCode();
            int length = switch (country) {
                case "GB", "DE" -> 22;
                case "FR", "IT" -> 27;
                case "ES", "SA" -> 24;
                case "BR" -> 29;
                default -> 22;
            };
            if (Set.of("US", "JP", "CN", "KR", "IN").contains(country)) country = "DE"; // no IBANs there
            char[] bban = new char[length - 4];
            long r = Mix.at(salt, row);
            for (int i = 0; i < bban.length; i++) {
                if (i % 15 == 14) r = Mix.mix(r + i);
                bban[i] = (char) ('0' + (int) Long.remainderUnsigned(r, 10));
                r = Long.divideUnsigned(r, 10);
            }
            // Check digits: BBAN, then the country's letters as numbers (A=10), then "00"; 98 minus that mod 97.
            String rearranged = new String(bban) + (country.charAt(0) - 'A' + 10) + (country.charAt(1) - 'A' + 10) + "00";
            int mod = 0;
            for (int i = 0; i < rearranged.length(); i++) mod = (mod * 10 + (rearranged.charAt(i) - '0')) % 97;
            out.ascii(country);
            out.zeroPadded(98 - mod, 2);
            out.ascii(new String(bban));
        };
    }

    /** A Luhn-valid 16-digit card number in a test range (400000...), never a real customer's. */
    static ColumnGenerator cardNumber(long salt) {
        return (row, out) -> {
            int[] digits = new int[16];
            digits[0] = 4;
            long r = Mix.at(salt, row);
            for (int i = 6; i < 15; i++) {
                digits[i] = (int) Long.remainderUnsigned(r, 10);
                r = Long.divideUnsigned(r, 10);
            }
            int sum = 0;
            for (int i = 0; i < 15; i++) {
                int d = digits[i];
                if (i % 2 == 0) { // every second digit from the check digit's left neighbour is doubled
                    d *= 2;
                    if (d > 9) d -= 9;
                }
                sum += d;
            }
            digits[15] = (10 - sum % 10) % 10;
            for (int d : digits) out.put((byte) ('0' + d));
        };
    }

    /** A number from a never-issued range: US ITIN-style 9XX-7X-XXXX, twelve digits elsewhere. */
    static ColumnGenerator nationalId(Person p, long salt) {
        return (row, out) -> {
            long r = Mix.at(salt, row) >>> 1;
            if (Person.pools(p.locale(p.bits(row))).countryCode().equals("US")) {
                out.put((byte) '9');
                out.zeroPadded(r % 100, 2);
                out.ascii("-7");
                out.longValue((r >>> 8) % 10);
                out.put((byte) '-');
                out.zeroPadded((r >>> 16) % 10_000, 4);
            } else {
                out.zeroPadded(r % 1_000_000_000_000L, 12);
            }
        };
    }

    static ColumnGenerator vatNumber(Person p, long salt) {
        return (row, out) -> {
            String country = Person.pools(p.locale(p.bits(row))).countryCode();
            out.ascii(country.equals("US") ? "EU" : country);
            out.zeroPadded((Mix.at(salt, row) >>> 1) % 1_000_000_000L, 9);
        };
    }

    static ColumnGenerator passport(long salt) {
        return (row, out) -> {
            long r = Mix.at(salt, row) >>> 1;
            out.put((byte) ('A' + (int) ((r >>> 50) % 26)));
            out.zeroPadded(r % 100_000_000L, 8);
        };
    }

    static ColumnGenerator version(long salt) {
        return (row, out) -> {
            long r = Mix.at(salt, row);
            out.longValue(r & 7);
            out.put((byte) '.');
            out.longValue((r >>> 8) % 20);
            out.put((byte) '.');
            out.longValue((r >>> 16) % 30);
        };
    }

    static ColumnGenerator sku(long salt) {
        return (row, out) -> {
            long r = Mix.at(salt, row) >>> 1;
            out.ascii("SKU-");
            for (int i = 0; i < 4; i++) out.put((byte) ('A' + (int) ((r >>> (5 * i)) % 26)));
            out.put((byte) '-');
            out.zeroPadded((r >>> 32) % 100_000, 5);
        };
    }

    static ColumnGenerator domainName(long salt) {
        return (row, out) -> {
            long r = Mix.at(salt, row);
            out.bytes(WORDS[(int) ((r >>> 1) % WORDS.length)]);
            out.put((byte) '-');
            out.bytes(WORDS[(int) ((r >>> 20) % WORDS.length)]);
            out.ascii(".example.com");
        };
    }

    /**
     * Makes any text generator unique: its value, cut to leave room, then a separator and the base-36
     * form of the row's place in a permutation of the table's rows.
     */
    static ColumnGenerator uniqueSuffix(ColumnGenerator base, Permutation unique, int maxChars) {
        int width = base36Width(unique.size());
        return (row, out) -> {
            int mark = out.length();
            if (maxChars > width + 1) {
                base.write(row, out);
                out.truncate(mark, maxChars - width - 1);
                out.put((byte) '-');
            }
            out.base36(unique.apply(row), width);
        };
    }

    /** Keeps a generator's values within a length range by cutting or padding. */
    static ColumnGenerator fitted(ColumnGenerator inner, int minChars, int maxChars) {
        if (minChars <= 0 && maxChars == Integer.MAX_VALUE) return inner;
        return (row, out) -> {
            int mark = out.length();
            inner.write(row, out);
            if (maxChars != Integer.MAX_VALUE) out.truncate(mark, maxChars);
            if (minChars > 0) out.padTo(mark, minChars);
        };
    }

    static int base36Width(long size) {
        int w = 1;
        for (long x = Math.max(0, size - 1) / 36; x > 0; x /= 36) w++;
        return w;
    }

    static int digits(long size) {
        return CopyTextWriter.digitCount(Math.max(0, size - 1));
    }

    static byte[][] encode(List<String> values) {
        return values.stream().map(CopyTextWriter::escape).toArray(byte[][]::new);
    }
}

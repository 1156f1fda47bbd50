package io.seedfleet.masking.pii;

import java.util.regex.Pattern;

/** Validators of national identity numbers, each with its checksum or excluded ranges. */
final class NationalIds {
    private static final Pattern SSN = Pattern.compile("(\\d{3})-(\\d{2})-(\\d{4})");
    private static final Pattern NINO = Pattern.compile("([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");
    private static final Pattern NIR = Pattern.compile("([12])\\s?(\\d{2})\\s?(\\d{2})\\s?(\\d{2}|2A|2B)\\s?(\\d{3})\\s?(\\d{3})\\s?(\\d{2})");
    private static final Pattern DNI = Pattern.compile("([XYZ]|\\d)(\\d{7})-?([A-Z])");
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private NationalIds() {}

    static boolean any(String v) {
        String s = v.strip().toUpperCase(java.util.Locale.ROOT);
        return usSsn(s) || ukNino(s) || frNir(s) || esDni(s) || deSteuerId(s);
    }

    /** US SSN as AAA-GG-SSSS, without the never-issued areas 000, 666 and 900-999, group 00 or serial 0000. */
    static boolean usSsn(String s) {
        var m = SSN.matcher(s);
        if (!m.matches()) return false;
        int area = Integer.parseInt(m.group(1));
        return area != 0 && area != 666 && area < 900 && !m.group(2).equals("00") && !m.group(3).equals("0000");
    }

    /** UK National Insurance number, without the prefixes that are never allocated. */
    static boolean ukNino(String s) {
        var m = NINO.matcher(s);
        if (!m.matches()) return false;
        String prefix = m.group(1);
        return !java.util.Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix);
    }

    /** French NIR: sex, year, month, department (2A/2B for Corsica), commune, order, then the key 97 - (number mod 97). */
    static boolean frNir(String s) {
        var m = NIR.matcher(s);
        if (!m.matches()) return false;
        int month = Integer.parseInt(m.group(3));
        if (month < 1 || (month > 12 && month < 20) || month > 42) return false;
        String dept = m.group(4).equals("2A") ? "19" : m.group(4).equals("2B") ? "18" : m.group(4);
        long number = Long.parseLong(m.group(1) + m.group(2) + m.group(3) + dept + m.group(5) + m.group(6));
        return 97 - number % 97 == Integer.parseInt(m.group(7));
    }

    /** Spanish DNI (8 digits and a letter) or NIE (X, Y or Z, 7 digits, letter): the letter is the number mod 23. */
    static boolean esDni(String s) {
        var m = DNI.matcher(s);
        if (!m.matches()) return false;
        String first = switch (m.group(1)) {
            case "X" -> "0";
            case "Y" -> "1";
            case "Z" -> "2";
            default -> m.group(1);
        };
        int number = Integer.parseInt(first + m.group(2));
        return DNI_LETTERS.charAt(number % 23) == m.group(3).charAt(0);
    }

    /** German Steuer-ID: 11 digits, no leading 0, ISO 7064 MOD 11,10 check digit. */
    static boolean deSteuerId(String s) {
        String d = s.replace(" ", "");
        if (!d.matches("[1-9]\\d{10}")) return false;
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (d.charAt(i) - '0' + product) % 10;
            if (sum == 0) sum = 10;
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        if (check == 10) check = 0;
        return check == d.charAt(10) - '0';
    }
}

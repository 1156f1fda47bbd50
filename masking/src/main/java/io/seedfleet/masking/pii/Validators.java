package io.seedfleet.masking.pii;

import io.seedfleet.masking.method.Luhn;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of single values: whether a value has the shape (and checksum) of a kind of personal data. */
final class Validators {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern EMBEDDED_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(\\+|00)?[0-9 ().\\-/]{6,22}(\\s*(x|ext\\.?)\\s*\\d{1,5})?");
    private static final Pattern EMBEDDED_PHONE = Pattern.compile("(\\+\\d{1,3}[ .-]?)?\\(?\\d{2,4}\\)?[ .-]\\d{3,4}[ .-]\\d{3,4}");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/\\d{1,2})?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern PASSWORD_HASH = Pattern.compile(
            "\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}|\\$argon2(id|i|d)\\$.+|pbkdf2_sha\\d+\\$.+|\\$[156]\\$.+\\$.+|\\{(SSHA|SHA|BCRYPT)}.+|scrypt:.+|sha\\d+\\$.+");
    private static final Pattern STREET = Pattern.compile(
            "(?iu).*(\\d+\\s*[a-z]?\\s+\\p{L}.*\\b(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|square|sq|highway|hwy|parkway|pkwy|circle|trail|crescent|close|alley|path|loop|row|walk|gardens|hill|view|ridge|run|grove|pike|plaza|mews)\\b.*"
                    + "|.*\\p{L}+(straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|straat|laan|plein|gracht|kade|singel|dreef|hof|pad|steeg|park|markt|dijk)\\s*\\d+.*"
                    + "|.*\\b(rue|avenue|boulevard|bd|chemin|impasse|allée|allee|place|quai|route|calle|avenida|av\\.|plaza|paseo|camino|carrer|rua|travessa|largo|praça|praca|alameda|rodovia|via|viale|piazza|corso|vicolo|straat|laan|gracht|plein|weg|kade|singel)\\b.*\\d+.*"
                    + "|.*\\d+\\s*,?\\s*(rue|avenue|boulevard|chemin|impasse|allée|place|quai|route|via|viale|piazza|corso)\\b.*"
                    + "|.*(丁目|番地|番\\d|号|路\\d|街\\d|路|街道).*\\d*.*)");
    /** English-style "house number, capitalised street words" (street types vary too much to list: Pass, Knoll, Stravenue). */
    private static final Pattern HOUSE_FIRST = Pattern.compile(
            "\\d{1,6}[A-Za-z]?\\s+(\\p{Lu}[\\p{L}'\\-]*\\.?\\s*){1,5}((Apt\\.?|Suite|Unit|Flat|#)\\s*[\\w-]+)?(,\\s*[\\p{L} .'\\-]+)*");
    private static final Pattern POSTCODE = Pattern.compile(
            "\\d{5}(-\\d{4})?|\\d{4}\\s?[A-Z]{2}|[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}|\\d{3}-\\d{4}|\\d{5}-\\d{3}|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d|\\d{4}|\\d{6}|\\d{2}-\\d{3}");

    private Validators() {}

    static boolean email(String v) {
        return v.length() <= 320 && EMAIL.matcher(v.strip()).matches();
    }

    /**
     * A phone number: E.164 ({@code +} and 7-15 digits) or a national format. Plain digit strings
     * pass only with 10 or 11 digits; {@code formatted} values (a +, parentheses or separators)
     * are what tells a phone column from one of plain numbers.
     */
    static boolean phone(String v) {
        String s = v.strip();
        if (!PHONE.matcher(s).matches()) return false;
        int digits = (int) s.chars().filter(Character::isDigit).count();
        if (digits < 7 || digits > 15) return false;
        if (s.matches("\\d+")) return digits == 10 || digits == 11;
        return !s.matches("\\d{4}-\\d{2}-\\d{2}.*") && !s.matches("\\d+\\.\\d+");
    }

    static boolean formattedPhone(String v) {
        String s = v.strip();
        return phone(s) && (s.startsWith("+") || s.startsWith("(") || s.matches(".*\\d[ .-]\\d.*"));
    }

    /** A payment card number: 13-19 digits (spaces or dashes allowed), a card issuer's first digit, and the Luhn check. */
    static boolean creditCard(String v) {
        String d = v.strip().replaceAll("[ -]", "");
        if (!d.matches("\\d{13,19}")) return false;
        // Major industry identifier 2-6: Mastercard, Amex, Diners, JCB, Visa, Maestro, Discover, UnionPay...
        return d.charAt(0) >= '2' && d.charAt(0) <= '6' && Luhn.valid(d);
    }

    /** An IBAN: country, check digits and account, valid under ISO 7064 mod 97-10. */
    static boolean iban(String v) {
        String s = v.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(s).matches()) return false;
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean ipAddress(String v) {
        String s = v.strip();
        if (IPV4.matcher(s).matches()) return true;
        if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) return false;
        try {
            return java.net.InetAddress.getByName(s.replaceAll("/\\d+$", "")) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A password hash in a self-describing format (bcrypt, argon2, PBKDF2, crypt, LDAP); with {@code bareDigests} also plain hex digests. */
    static boolean passwordHash(String v, boolean bareDigests) {
        String s = v.strip();
        return PASSWORD_HASH.matcher(s).matches() || bareDigests && s.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}");
    }

    static boolean streetAddress(String v) {
        String s = v.strip();
        return s.length() >= 5 && s.length() <= 200 && s.chars().anyMatch(Character::isDigit)
                && (STREET.matcher(s).matches() || HOUSE_FIRST.matcher(s).matches());
    }

    static boolean postcode(String v) {
        return POSTCODE.matcher(v.strip().toUpperCase(Locale.ROOT)).matches();
    }

    /** A place name: letters, spaces, hyphens and apostrophes, no digits. */
    static boolean placeName(String v) {
        String s = v.strip();
        return s.length() >= 2 && s.length() <= 60 && s.matches("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\\-()]*");
    }

    /** A user name: one word of letters, digits, dots, dashes and underscores. */
    static boolean username(String v) {
        String s = v.strip();
        return s.length() >= 2 && s.length() <= 64 && s.matches("[\\p{L}\\p{N}._\\-@]+") && !s.matches("\\d+");
    }

    /** A date (or timestamp) that makes its person between 0 and 110 years old today. */
    static boolean birthDate(String v, LocalDate today) {
        String s = v.strip();
        if (s.length() < 10) return false;
        try {
            LocalDate d = LocalDate.parse(s.substring(0, 10));
            int age = Period.between(d, today).getYears();
            return !d.isAfter(today) && age <= 110;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** Free text that mentions someone: an e-mail address, a phone number, a card number or an IBAN inside it. */
    static boolean textWithPii(String v) {
        if (v.length() < 12 || !v.contains(" ")) return false;
        if (EMBEDDED_EMAIL.matcher(v).find() || EMBEDDED_PHONE.matcher(v).find()) return true;
        for (String word : v.split("[\\s,;:()]+")) if (creditCard(word) || iban(word) || NationalIds.any(word)) return true;
        return false;
    }
}

package io.seedfleet.masking.method;

/** The Luhn (mod 10) check digit that card numbers end with. */
public final class Luhn {
    private Luhn() {}

    /** The check digit for {@code payload} (digits only, without the check digit). */
    public static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether a string of digits (at least two) passes the Luhn check. */
    public static boolean valid(CharSequence digits) {
        if (digits.length() < 2) return false;
        for (int i = 0; i < digits.length(); i++) if (!Character.isDigit(digits.charAt(i)) || digits.charAt(i) > '9') return false;
        return checkDigit(digits.subSequence(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }
}

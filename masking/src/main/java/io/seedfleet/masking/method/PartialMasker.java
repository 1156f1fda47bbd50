package io.seedfleet.masking.method;

/**
 * Keeps the first {@code first} and last {@code last} characters (aliases {@code keepFirst} and
 * {@code keepLast}) and replaces the rest with {@code char} (default {@code *}). With
 * {@code keepFormat: true} separators (anything but letters and digits) stay where they are and
 * only letters and digits count and are masked, so {@code 4111-1111-1111-1234} becomes
 * {@code ****-****-****-1234}. The length never changes, so the value still fits its column.
 */
final class PartialMasker {
    private PartialMasker() {}

    static ColumnMasker of(Params params) {
        params.allow("first", "last", "keepFirst", "keepLast", "char", "keepFormat");
        if (!params.textual()) throw params.problem("partial applies to text columns");
        int first = params.integer(params.has("keepFirst") ? "keepFirst" : "first", 0, 0, 1000);
        int last = params.integer(params.has("keepLast") ? "keepLast" : "last", 0, 0, 1000);
        String fill = params.string("char", "*");
        if (fill.codePointCount(0, fill.length()) != 1) throw params.problem("char must be one character, not '" + fill + "'");
        boolean keepFormat = params.bool("keepFormat", false);
        int fillCodePoint = fill.codePointAt(0);
        return value -> value == null ? null : mask(value, first, last, fillCodePoint, keepFormat);
    }

    static String mask(String value, int first, int last, int fill, boolean keepFormat) {
        int[] cps = value.codePoints().toArray();
        int maskable = 0;
        for (int cp : cps) if (!keepFormat || Character.isLetterOrDigit(cp)) maskable++;
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int cp : cps) {
            if (keepFormat && !Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                continue;
            }
            boolean keep = seen < first || seen >= maskable - last;
            out.appendCodePoint(keep ? cp : fill);
            seen++;
        }
        return out.toString();
    }
}

package io.seedfleet.masking.method;

import java.util.Map;

/**
 * The locale a value shows by its script or letters (a Japanese name in kana or kanji, German umlauts,
 * a {@code +81} phone prefix), so a fake can be of the same kind; {@code en-US} when it shows none.
 */
final class ScriptLocale {
    static final String DEFAULT = "en-US";
    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("+1", "en-US"), Map.entry("+44", "en-GB"), Map.entry("+49", "de-DE"), Map.entry("+33", "fr-FR"),
            Map.entry("+34", "es-ES"), Map.entry("+39", "it-IT"), Map.entry("+55", "pt-BR"), Map.entry("+81", "ja-JP"),
            Map.entry("+86", "zh-CN"), Map.entry("+82", "ko-KR"), Map.entry("+91", "hi-IN"), Map.entry("+966", "ar-SA"));

    private ScriptLocale() {}

    static String of(String value) {
        boolean han = false;
        boolean space = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HIRAGANA, KATAKANA -> { return "ja-JP"; }
                case HANGUL -> { return "ko-KR"; }
                case ARABIC -> { return "ar-SA"; }
                case DEVANAGARI -> { return "hi-IN"; }
                case HAN -> han = true;
                default -> { if (Character.isWhitespace(cp) || cp == '\u3000') space = true; }
            }
        }
        // Japanese names are written family name, space, given name; Chinese ones without a space.
        if (han) return space ? "ja-JP" : "zh-CN";
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches(".*[äöüß].*")) return "de-DE";
        if (lower.matches(".*[ãõ].*")) return "pt-BR";
        if (lower.matches(".*[ñ].*")) return "es-ES";
        if (lower.matches(".*[çèêëîïœ].*")) return "fr-FR";
        if (lower.matches(".*[ìò].*")) return "it-IT";
        String trimmed = value.strip();
        if (trimmed.startsWith("+")) {
            for (int len = 4; len >= 2; len--) {
                if (trimmed.length() >= len && CALLING_CODES.containsKey(trimmed.substring(0, len))) return CALLING_CODES.get(trimmed.substring(0, len));
            }
        }
        return DEFAULT;
    }
}

package io.seedfleet.masking.pii;

import io.seedfleet.core.generate.Pools;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Given and family names of many countries: Datafaker's whole lists for the Latin-script locales,
 * and the engine's curated native lists (names/*.tsv through
 * {@link Pools}) for Japanese, Chinese, Korean, Hindi and Arabic names. Built once per JVM.
 */
final class NameDictionary {
    private static final List<String> DATAFAKER_LOCALES = List.of("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR", "nl-NL");
    private static volatile NameDictionary instance;

    private final Set<String> given = new HashSet<>();
    private final Set<String> family = new HashSet<>();

    private NameDictionary() {
        for (String tag : DATAFAKER_LOCALES) {
            Faker faker = new Faker(Locale.forLanguageTag(tag), new Random(tag.hashCode()));
            addList(faker, "name.first_name", given);
            addList(faker, "name.male_first_name", given);
            addList(faker, "name.female_first_name", given);
            addList(faker, "name.last_name", family);
        }
        for (Pools.LocaleShare share : Pools.LOCALES) {
            Pools.LocalePools pools = Pools.locale(share.tag());
            pools.firstNames().forEach(n -> given.add(fold(n)));
            pools.lastNames().forEach(n -> family.add(fold(n)));
        }
    }

    /** A whole Datafaker list (its YAML data for the locale), without the entries that are expressions. */
    private static void addList(Faker faker, String key, Set<String> into) {
        Object list = faker.fakeValuesService().fetchObject(key, faker.getContext());
        if (list instanceof List<?> values) {
            for (Object v : values) if (v instanceof String name && !name.contains("#{")) into.add(fold(name));
        }
    }

    static NameDictionary get() {
        NameDictionary d = instance;
        if (d == null) {
            synchronized (NameDictionary.class) {
                if (instance == null) instance = new NameDictionary();
                d = instance;
            }
        }
        return d;
    }

    boolean given(String word) {
        return given.contains(fold(word));
    }

    boolean family(String word) {
        return family.contains(fold(word));
    }

    /** How a value reads as a name: as a full name, a single given or family name, or not at all. */
    enum Shape { FULL, GIVEN, FAMILY, NONE }

    Shape shape(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 80 || v.chars().anyMatch(Character::isDigit) || v.contains("@")) return Shape.NONE;
        if (cjk(v) && !v.contains(" ")) return cjkShape(v);
        // Whole entries first: family names with particles ("van den Berg") are one name of several words.
        if (family(v)) return Shape.FAMILY;
        if (given(v) && !v.contains(" ")) return Shape.GIVEN;
        String[] words = v.replace(",", " ").split("\\s+");
        if (words.length > 4) return Shape.NONE;
        int known = 0;
        boolean anyGiven = false;
        boolean anyFamily = false;
        for (String w : words) {
            if (!w.matches("[\\p{L}\\p{M}.'\\-]+")) return Shape.NONE;
            boolean g = given(w);
            boolean f = family(w);
            if (g || f) known++;
            anyGiven |= g;
            anyFamily |= f;
        }
        if (words.length == 1) return anyGiven && !anyFamily ? Shape.GIVEN : anyFamily && !anyGiven ? Shape.FAMILY : anyGiven ? Shape.GIVEN : Shape.NONE;
        // A full name: most words are names (a middle name or particle may not be), and the words are capitalised.
        boolean capitalised = java.util.Arrays.stream(words).allMatch(w -> !Character.isLowerCase(w.codePointAt(0)) || Set.of("van", "von", "de", "da", "del", "der", "di", "le", "la", "dos", "das", "bin", "al").contains(w));
        return capitalised && known * 2 >= words.length + (words.length > 2 ? 1 : 0) && known >= 1 ? Shape.FULL : Shape.NONE;
    }

    private Shape cjkShape(String v) {
        int len = v.codePointCount(0, v.length());
        if (len < 2 || len > 5) return given(v) ? Shape.GIVEN : family(v) ? Shape.FAMILY : Shape.NONE;
        for (int cut = 1; cut <= 2 && cut < len; cut++) {
            int at = v.offsetByCodePoints(0, cut);
            if (family(v.substring(0, at)) && (given(v.substring(at)) || len - cut <= 2)) return Shape.FULL;
        }
        return given(v) ? Shape.GIVEN : family(v) ? Shape.FAMILY : Shape.NONE;
    }

    private static boolean cjk(String v) {
        return v.codePoints().anyMatch(cp -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
        });
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}

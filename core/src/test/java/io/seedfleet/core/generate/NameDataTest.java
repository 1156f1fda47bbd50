package io.seedfleet.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NameDataTest {

    private static final Pattern LATIN = Pattern.compile("^[a-z]{2,20}$");

    static Stream<Arguments> locales() {
        return Stream.of(
                Arguments.of("ja-JP", Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA)),
                Arguments.of("zh-CN", Set.of(UnicodeScript.HAN)),
                Arguments.of("ko-KR", Set.of(UnicodeScript.HANGUL)),
                Arguments.of("hi-IN", Set.of(UnicodeScript.DEVANAGARI)),
                Arguments.of("ar-SA", Set.of(UnicodeScript.ARABIC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locales")
    void nameFileIsWellFormed(String tag, Set<UnicodeScript> scripts) throws IOException {
        List<String> lines = read("/names/" + tag + ".tsv");
        Set<String> givenNative = new HashSet<>();
        Set<String> familyNative = new HashSet<>();
        Set<String> givenGenders = new HashSet<>();
        int given = 0;
        int family = 0;

        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = tag + " line " + (i + 1) + ": " + line;
            String[] f = line.split("\t", -1);
            assertThat(f).as(where).hasSize(4);
            String kind = f[0];
            String nativeName = f[1];
            String latin = f[2];
            String gender = f[3];

            assertThat(kind).as(where).isIn("given", "family");
            assertThat(gender).as(where).isIn("f", "m", "x");
            assertThat(latin).as(where).matches(LATIN);
            assertThat(nativeName).as(where).isNotEmpty();
            nativeName.codePoints().forEach(cp -> {
                assertThat(cp < 128 && Character.isLetter(cp)).as(where + " has an ASCII letter").isFalse();
                assertThat(UnicodeScript.of(cp)).as(where + " code point U+%04X", cp).isIn(scripts);
            });

            if (kind.equals("given")) {
                given++;
                givenGenders.add(gender);
                assertThat(givenNative.add(nativeName)).as(where + " duplicate given name").isTrue();
            } else {
                family++;
                assertThat(familyNative.add(nativeName)).as(where + " duplicate family name").isTrue();
            }
        }

        assertThat(given).as(tag + " given names").isGreaterThanOrEqualTo(60);
        assertThat(family).as(tag + " family names").isGreaterThanOrEqualTo(40);
        assertThat(givenGenders).as(tag + " given-name genders").contains("f", "m");
    }

    private static List<String> read(String resource) throws IOException {
        InputStream in = NameDataTest.class.getResourceAsStream(resource);
        assertThat(in).as(resource + " on the classpath").isNotNull();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}

package io.seedfleet.core.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of a locale written in a non-Latin script, with their romanisation, index for index, from
 * {@code names/TAG.tsv} (kind, native, latin, gender): so 佐藤 陽翔 gets haruto.sato@..., not a
 * transliteration guessed at run time.
 */
record NameFile(List<String> givenNative, List<String> givenLatin, List<String> familyNative, List<String> familyLatin) {

    static NameFile load(String tag) {
        List<String> givenNative = new ArrayList<>();
        List<String> givenLatin = new ArrayList<>();
        List<String> familyNative = new ArrayList<>();
        List<String> familyLatin = new ArrayList<>();
        try (InputStream in = NameFile.class.getResourceAsStream("/names/" + tag + ".tsv")) {
            if (in == null) throw new IllegalStateException("no name file for locale " + tag);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split("\\t");
                boolean given = f[0].equals("given");
                (given ? givenNative : familyNative).add(f[1]);
                (given ? givenLatin : familyLatin).add(f[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NameFile(List.copyOf(givenNative), List.copyOf(givenLatin), List.copyOf(familyNative), List.copyOf(familyLatin));
    }
}

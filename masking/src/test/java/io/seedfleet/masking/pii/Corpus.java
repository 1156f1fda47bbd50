package io.seedfleet.masking.pii;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labelled corpus (pii/pii-corpus.csv): columns grouped by table, in file order. */
record Corpus(Map<String, List<Corpus.Entry>> tables) {

    record Entry(String table, String column, String type, String label, List<String> values) {}

    static Corpus load() throws IOException {
        String other = System.getProperty("pii.corpus");
        try (InputStream in = other != null ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(other))
                : Corpus.class.getResourceAsStream("/pii/pii-corpus.csv")) {
            if (in == null) throw new IllegalStateException("pii/pii-corpus.csv is not on the test classpath");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<Entry>> tables = new LinkedHashMap<>();
            List<String> lines = text.lines().skip(1).filter(l -> !l.isBlank()).toList();
            for (String line : lines) {
                List<String> f = fields(line);
                Entry e = new Entry(f.get(0), f.get(1), f.get(2), f.get(3), List.of(f.get(4).split("\\|", -1)));
                tables.computeIfAbsent(e.table(), t -> new ArrayList<>()).add(e);
            }
            return new Corpus(tables);
        }
    }

    int size() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    /** One CSV line whose fields are all double-quoted (quotes inside doubled). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}

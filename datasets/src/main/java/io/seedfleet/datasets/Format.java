package io.seedfleet.datasets;

import java.util.Locale;

/** The file formats a dataset exports to, one file per table named {@code <schema>.<table>.<extension>}. */
public enum Format {
    CSV("csv"), JSONL("jsonl"), PARQUET("parquet"), SQL("sql");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static Format parse(String text) {
        for (Format f : values()) if (f.extension.equalsIgnoreCase(text) || f.name().equalsIgnoreCase(text)) return f;
        throw new IllegalArgumentException("unknown format '" + text + "': use csv, jsonl, parquet or sql");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

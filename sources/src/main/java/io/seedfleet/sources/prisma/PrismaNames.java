package io.seedfleet.sources.prisma;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The names Prisma's PostgreSQL migrations give constraints and sequences, so that a model read from a
 * Prisma schema names things as the database Prisma created does. Constraint names follow
 * prisma-engines' {@code ConstraintNames}: {@code <Table>_pkey}, {@code <Table>_<cols>_key},
 * {@code <Table>_<cols>_fkey}, the part before the suffix cut so the whole fits PostgreSQL's 63
 * bytes. Sequences follow PostgreSQL's own choice for serial columns.
 */
final class PrismaNames {
    /** PostgreSQL's NAMEDATALEN - 1. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private PrismaNames() {}

    static String primaryKey(String table) {
        return withSuffix(table, "_pkey");
    }

    static String uniqueKey(String table, List<String> columns) {
        return withSuffix(table + "_" + String.join("_", columns), "_key");
    }

    static String foreignKey(String table, List<String> columns) {
        return withSuffix(table + "_" + String.join("_", columns), "_fkey");
    }

    private static String withSuffix(String base, String suffix) {
        int limit = MAX_IDENTIFIER_BYTES - suffix.length();
        return (base.length() >= limit ? base.substring(0, limit) : base) + suffix;
    }

    /**
     * The sequence PostgreSQL creates for a serial column: {@code <table>_<column>_seq}, and when that is
     * too long, the longer of table and column names shortened a character at a time until it fits
     * (makeObjectName in PostgreSQL's indexcmds.c).
     */
    static String serialSequence(String table, String column) {
        String t = table;
        String c = column;
        while (bytes(t) + bytes(c) + "__seq".length() > MAX_IDENTIFIER_BYTES) {
            if (bytes(t) >= bytes(c)) t = t.substring(0, t.length() - 1);
            else c = c.substring(0, c.length() - 1);
        }
        return t + "_" + c + "_seq";
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

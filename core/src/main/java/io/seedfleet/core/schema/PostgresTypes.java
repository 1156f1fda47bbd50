package io.seedfleet.core.schema;

import io.seedfleet.core.schema.PostgresCatalog.TypeRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns PostgreSQL types (pg_type rows plus a column's typmod) into {@link ColumnType}s: domains
 * become their base type, arrays carry their element, enums their labels, and the length, precision
 * and scale are decoded from the typmod.
 */
final class PostgresTypes {

    /** pg_catalog type names the engine knows; anything else is {@link TypeKind#OTHER}. */
    private static final Map<String, TypeKind> BUILT_IN = Map.ofEntries(
            Map.entry("int2", TypeKind.SMALLINT), Map.entry("int4", TypeKind.INTEGER),
            Map.entry("int8", TypeKind.BIGINT), Map.entry("numeric", TypeKind.NUMERIC),
            Map.entry("float4", TypeKind.REAL), Map.entry("float8", TypeKind.DOUBLE),
            Map.entry("money", TypeKind.MONEY), Map.entry("bool", TypeKind.BOOLEAN),
            Map.entry("text", TypeKind.TEXT), Map.entry("varchar", TypeKind.VARCHAR),
            Map.entry("bpchar", TypeKind.CHAR), Map.entry("date", TypeKind.DATE),
            Map.entry("time", TypeKind.TIME), Map.entry("timetz", TypeKind.TIMETZ),
            Map.entry("timestamp", TypeKind.TIMESTAMP), Map.entry("timestamptz", TypeKind.TIMESTAMPTZ),
            Map.entry("interval", TypeKind.INTERVAL), Map.entry("uuid", TypeKind.UUID),
            Map.entry("json", TypeKind.JSON), Map.entry("jsonb", TypeKind.JSONB),
            Map.entry("inet", TypeKind.INET), Map.entry("cidr", TypeKind.CIDR),
            Map.entry("macaddr", TypeKind.MACADDR), Map.entry("bytea", TypeKind.BYTEA),
            Map.entry("tsvector", TypeKind.TSVECTOR), Map.entry("xml", TypeKind.XML),
            Map.entry("bit", TypeKind.BIT), Map.entry("varbit", TypeKind.BIT));

    /** varchar, bpchar and numeric typmods include the 4-byte varlena header size. */
    private static final int VARHDRSZ = 4;

    private final Map<Long, TypeRow> types;

    PostgresTypes(List<TypeRow> rows) {
        this.types = rows.stream().collect(Collectors.toMap(TypeRow::oid, Function.identity()));
    }

    /**
     * The model type of a value of type {@code typeOid} with modifier {@code typmod}; {@code sqlName}
     * is PostgreSQL's spelling of it (format_type), kept as is so a domain column is cast to its domain.
     */
    ColumnType resolve(long typeOid, int typmod, String sqlName) {
        TypeRow type = type(typeOid);
        if (type.type() == 'd') return resolveDomain(type, typmod, sqlName);
        if (type.category() == 'A' && type.elementOid() != 0) {
            TypeRow elementType = type(type.elementOid());
            ColumnType element = resolve(elementType.oid(), typmod, elementSqlName(sqlName, elementType));
            return new ColumnType(TypeKind.ARRAY, sqlName, null, null, null, List.of(), element);
        }
        if (type.type() == 'e') return ColumnType.enumOf(sqlName, type.enumLabels());
        return builtIn(kind(type), typmod, sqlName);
    }

    /**
     * A domain is its base type under another name. Domains take no typmod of their own, so the one
     * that counts is the innermost base type's (varchar(10) in {@code CREATE DOMAIN d AS varchar(10)}).
     */
    private ColumnType resolveDomain(TypeRow domain, int typmod, String sqlName) {
        int baseTypmod = domain.baseTypmod() >= 0 ? domain.baseTypmod() : typmod;
        ColumnType base = resolve(domain.baseTypeOid(), baseTypmod, domain.baseSqlType());
        return new ColumnType(base.kind(), sqlName, base.length(), base.precision(), base.scale(),
                base.enumLabels(), base.element());
    }

    /** format_type spells an array as its element's spelling plus "[]", typmod included. */
    private static String elementSqlName(String arraySqlName, TypeRow elementType) {
        return arraySqlName.endsWith("[]")
                ? arraySqlName.substring(0, arraySqlName.length() - 2)
                : elementType.name();
    }

    private static TypeKind kind(TypeRow type) {
        if (!type.schema().equals("pg_catalog")) return TypeKind.OTHER;
        return BUILT_IN.getOrDefault(type.name(), TypeKind.OTHER);
    }

    private static ColumnType builtIn(TypeKind kind, int typmod, String sqlName) {
        return switch (kind) {
            case VARCHAR, CHAR -> ColumnType.text(kind, sqlName, typmod >= VARHDRSZ ? typmod - VARHDRSZ : null);
            case BIT -> ColumnType.text(kind, sqlName, typmod >= 0 ? typmod : null);
            case NUMERIC -> ColumnType.numeric(sqlName, numericPrecision(typmod), numericScale(typmod));
            // fractional-second digits: timestamp(0) rounds away what a generator makes up
            case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ ->
                    new ColumnType(kind, sqlName, null, typmod >= 0 ? typmod : null, null, List.of(), null);
            default -> ColumnType.of(kind, sqlName);
        };
    }

    static Integer numericPrecision(int typmod) {
        return typmod < VARHDRSZ ? null : ((typmod - VARHDRSZ) >> 16) & 0xffff;
    }

    /** The scale is an 11-bit two's complement number: PostgreSQL 15 allows negative scales, numeric(3,-2). */
    static Integer numericScale(int typmod) {
        return typmod < VARHDRSZ ? null : (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
    }

    /**
     * The domains a column of type {@code typeOid} is declared with, outermost first: the column's
     * domain, the domain that one is based on, and so on. Domains inside array elements are not
     * included: their constraints apply to each element, not to the column.
     */
    List<TypeRow> domainChain(long typeOid) {
        List<TypeRow> chain = new ArrayList<>();
        for (TypeRow type = type(typeOid); type.type() == 'd'; type = type(type.baseTypeOid())) {
            chain.add(type);
        }
        return chain;
    }

    /** Whether any domain in the chain is declared NOT NULL, which makes the column NOT NULL too. */
    boolean notNullDomain(long typeOid) {
        return domainChain(typeOid).stream().anyMatch(TypeRow::notNull);
    }

    List<Long> domainOids() {
        return types.values().stream().filter(t -> t.type() == 'd').map(TypeRow::oid).sorted().toList();
    }

    private TypeRow type(long oid) {
        TypeRow type = types.get(oid);
        if (type == null) throw new IllegalStateException("type " + oid + " was not read from pg_type");
        return type;
    }
}

package io.seedfleet.sources.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.sources.prisma.ScratchDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trip through a real PostgreSQL: load a schema, introspect it, write the model as DDL, load
 * that into a fresh database and introspect again. Tables, columns, keys, foreign keys and table
 * CHECKs must come back equal. Two things are compared as far as the model carries them: a domain
 * column comes back as its base type (same kind, length, precision, nullability; its sqlName no
 * longer names the domain) and the domain's CHECKs, which belong to the type, are not written.
 */
class PostgresDdlWriterTest {

    /** What a column carries that DDL can restore: everything but a domain's name and the comment text. */
    record ColumnShape(String name, TypeKind kind, Integer length, Integer precision, Integer scale,
                       List<String> enumLabels, TypeKind elementKind, boolean nullable, Column.Identity identity,
                       QualifiedName sequence, boolean generated) {
        static ColumnShape of(Column c) {
            ColumnType t = c.type();
            return new ColumnShape(c.name(), t.kind(), t.length(), t.precision(), t.scale(), t.enumLabels(),
                    t.element() == null ? null : t.element().kind(), c.nullable(), c.identity(), c.sequence(), c.generated());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chinook", "pagila", "sakila_pg", "documenso"})
    void sharedSchemaSurvivesTheRoundTrip(String name) throws Exception {
        Path ddl = ScratchDatabases.SCHEMAS.resolve(name).resolve("schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found at " + ScratchDatabases.SCHEMAS.toAbsolutePath());
        JdbcTarget sourceDb = ScratchDatabases.create("ddl_src_" + name, Files.readString(ddl));
        SchemaModel source = ScratchDatabases.introspect(sourceDb);

        String written = PostgresDdlWriter.write(source);
        SchemaModel copy = ScratchDatabases.introspect(ScratchDatabases.create("ddl_copy_" + name, written));

        assertThat(source.tables()).isNotEmpty();
        assertSameModel(source, copy);
        Set<String> domainColumns = domainColumns(sourceDb);
        if (name.equals("pagila")) assertThat(domainColumns).as("pagila's year and bıgınt domains").isNotEmpty();
        assertSameTypeNamesButDomains(source, copy, domainColumns);
    }

    /** Columns declared with a domain, as {@code schema.table.column}, from the source database itself. */
    private static Set<String> domainColumns(JdbcTarget target) throws Exception {
        Set<String> columns = new TreeSet<>();
        try (Connection c = target.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_schema, table_name, column_name FROM information_schema.columns"
                     + " WHERE domain_name IS NOT NULL AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            while (rs.next()) columns.add(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3));
        }
        return columns;
    }

    /**
     * Every column keeps its type's spelling (format_type's, typmod included) except domain columns,
     * which come back as the domain's base type: same kind and modifiers, another name.
     */
    private static void assertSameTypeNamesButDomains(SchemaModel source, SchemaModel copy, Set<String> domainColumns) {
        Set<String> renamed = new TreeSet<>();
        for (Table original : source.tables()) {
            for (Column column : original.columns()) {
                String back = copy.table(original.name()).column(column.name()).type().sqlName();
                if (!back.equals(column.type().sqlName())) renamed.add(original.name() + "." + column.name());
            }
        }
        assertThat(renamed).isEqualTo(domainColumns);
    }

    /** The constructs the shared schemas lack: identities, generated columns, partial/expression/NULLS NOT DISTINCT keys, MATCH FULL, deferrable, another schema, odd names. */
    @Test
    void everyConstructTheModelCarriesSurvivesTheRoundTrip() throws Exception {
        String fixture = """
                CREATE SCHEMA "Sales Ops";
                CREATE TYPE "Sales Ops"."Stage" AS ENUM ('new', 'won''t', 'lost');
                CREATE DOMAIN positive_money AS numeric(12,2) NOT NULL CHECK (VALUE > 0);
                CREATE TABLE "Sales Ops".account (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    region char(2) NOT NULL,
                    code varchar(20) NOT NULL,
                    email text,
                    UNIQUE NULLS NOT DISTINCT (region, email),
                    CONSTRAINT account_region_code UNIQUE (region, code)
                );
                COMMENT ON TABLE "Sales Ops".account IS 'the customer''s account';
                CREATE UNIQUE INDEX account_email_lower ON "Sales Ops".account (lower(email)) WHERE email IS NOT NULL;
                CREATE TABLE "Sales Ops"."Deal ""quoted""\" (
                    deal_no integer GENERATED BY DEFAULT AS IDENTITY,
                    region char(2),
                    code varchar(20),
                    stage "Sales Ops"."Stage" DEFAULT 'new' NOT NULL,
                    stages "Sales Ops"."Stage"[],
                    amount positive_money,
                    tax numeric(12,2) GENERATED ALWAYS AS (amount * 0.2) STORED,
                    closed_at timestamp(3) with time zone,
                    tags text[] DEFAULT '{}'::text[],
                    parent integer,
                    PRIMARY KEY (deal_no),
                    CONSTRAINT deal_closed CHECK (closed_at IS NULL OR stage <> 'new'),
                    FOREIGN KEY (region, code) REFERENCES "Sales Ops".account (region, code) MATCH FULL
                        DEFERRABLE INITIALLY DEFERRED
                );
                COMMENT ON COLUMN "Sales Ops"."Deal ""quoted""\".tags IS 'labels';
                ALTER TABLE "Sales Ops"."Deal ""quoted""\" ADD FOREIGN KEY (parent)
                    REFERENCES "Sales Ops"."Deal ""quoted""\" (deal_no) DEFERRABLE;
                CREATE TABLE ticket (id serial PRIMARY KEY, also_numbered integer);
                ALTER TABLE ticket ALTER also_numbered SET DEFAULT nextval('ticket_id_seq');
                CREATE SEQUENCE "Sales Ops".counter;
                CREATE TABLE "Sales Ops".note (n bigint DEFAULT nextval('"Sales Ops".counter') PRIMARY KEY, body text);
                """;
        SchemaModel source = ScratchDatabases.introspect(ScratchDatabases.create("ddl_src_fixture", fixture));
        String written = PostgresDdlWriter.write(source);
        JdbcTarget copyDb = ScratchDatabases.create("ddl_copy_fixture", written);
        SchemaModel copy = ScratchDatabases.introspect(copyDb);

        assertSameModel(source, copy);
        assertThat(copy.table(QualifiedName.parse("public.ticket")).column("also_numbered").sequence())
                .isEqualTo(QualifiedName.parse("public.ticket_id_seq"));
        assertThat(copy.table(new QualifiedName("Sales Ops", "note")).column("n").identity()).isEqualTo(Column.Identity.SERIAL);
        Table deal = copy.table(new QualifiedName("Sales Ops", "Deal \"quoted\""));
        assertThat(deal.column("tax").generated()).isTrue();
        assertThat(deal.column("tax").defaultExpression()).isEqualTo(
                source.table(deal.name()).column("tax").defaultExpression());
        assertThat(deal.column("amount").nullable()).as("NOT NULL of the domain").isFalse();
        assertThat(deal.column("stage").defaultExpression()).isEqualTo(source.table(deal.name()).column("stage").defaultExpression());
        assertThat(deal.column("tags").comment()).isEqualTo("labels");
        assertThat(copy.table(new QualifiedName("Sales Ops", "account")).comment()).isEqualTo("the customer's account");
        assertThat(source.table(deal.name()).checks()).extracting(CheckConstraint::name).contains("positive_money.positive_money_check");
        // and the engine can fill the written schema and prove it
        ScratchDatabases.generateAndValidate(copy, copyDb);
    }

    @Property
    void enumNamesSurviveQuoting(@ForAll @NotEmpty @StringLength(max = 30) String schema,
                                 @ForAll @NotEmpty @StringLength(max = 30) String name) {
        net.jqwik.api.Assume.that(schema.indexOf('\0') < 0 && name.indexOf('\0') < 0);
        QualifiedName qualified = new QualifiedName(schema, name);
        ColumnType type = ColumnType.enumOf(qualified.sql(), List.of("a"));
        assertThat(PostgresDdlWriter.EnumTypes.name(type)).isEqualTo(qualified);
        assertThat(PostgresDdlWriter.EnumTypes.name(ColumnType.arrayOf(type).element())).isEqualTo(qualified);
    }

    static void assertSameModel(SchemaModel source, SchemaModel copy) {
        assertThat(copy.tables()).extracting(Table::name).containsExactlyElementsOf(
                source.tables().stream().map(Table::name).toList());
        for (Table original : source.tables()) {
            Table back = copy.table(original.name());
            assertThat(back.columns()).as(original.name() + " columns").map(ColumnShape::of)
                    .containsExactlyElementsOf(original.columns().stream().map(ColumnShape::of).toList());
            assertThat(back.uniqueKeys()).as(original.name() + " keys").containsExactlyElementsOf(original.uniqueKeys());
            assertThat(back.foreignKeys()).as(original.name() + " foreign keys").containsExactlyElementsOf(original.foreignKeys());
            assertThat(back.checks()).as(original.name() + " checks").containsExactlyElementsOf(
                    original.checks().stream().filter(c -> !PostgresDdlWriter.isDomainCheck(c)).toList());
            assertThat(back.partitioning()).as(original.name() + " partitioning").isEqualTo(original.partitioning());
            Map<String, String> defaults = new TreeMap<>();
            Map<String, String> defaultsBack = new TreeMap<>();
            original.columns().forEach(c -> defaults.put(c.name(), String.valueOf(c.defaultExpression())));
            back.columns().forEach(c -> defaultsBack.put(c.name(), String.valueOf(c.defaultExpression())));
            assertThat(defaultsBack).as(original.name() + " defaults").isEqualTo(defaults);
        }
    }
}

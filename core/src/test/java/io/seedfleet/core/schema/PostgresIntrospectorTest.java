package io.seedfleet.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.testkit.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads real databases (an embedded PostgreSQL 17): a fixture with one of everything, pagila and documenso. */
class PostgresIntrospectorTest {

    /** Test resources of this package live next to the test (surefire runs in the module directory). */
    private static final Path FIXTURE = Path.of("src/test/resources/schema/postgres-introspector-fixture.sql");
    private static final Path SHARED_SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "/work/shared/schemas"));

    private static PostgresServer server;
    private static String fixtureUrl;
    private static SchemaModel model;

    @BeforeAll
    static void loadFixture() throws Exception {
        server = PostgresServer.start();
        fixtureUrl = createDatabase("introspector_fixture", FIXTURE);
        model = introspect(fixtureUrl, IntrospectionOptions.all());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // --- which tables ---------------------------------------------------------------------------

    @Test
    void readsTopLevelTablesOfUserSchemasOnly() {
        // no partitions, views, materialized views, nor Seedfleet's own seedfleet / seedfleet_ledger schemas
        assertThat(model.tables()).extracting(t -> t.name().toString()).containsExactly(
                "Vendas Ação.Pedido Item",
                "fixture.audit_trail", "fixture.booking", "fixture.category", "fixture.customer", "fixture.event_log",
                "fixture.event_note", "fixture.order", "fixture.product", "fixture.stock", "fixture.warehouse");
    }

    @Test
    void listsViewsAndMaterializedViewsWithoutWritingThem() {
        assertThat(model.views()).containsExactly(
                new SchemaModel.View(new QualifiedName("fixture", "customer_count"), true),
                new SchemaModel.View(new QualifiedName("fixture", "customer_emails"), false));
    }

    @Test
    void listsUserTriggersWithTimingEventsAndState() {
        QualifiedName booking = new QualifiedName("fixture", "booking");
        assertThat(model.triggers()).containsExactly(
                new SchemaModel.Trigger(booking, "booking_audit", "AFTER STATEMENT", List.of("DELETE"), false),
                new SchemaModel.Trigger(booking, "booking_touch", "BEFORE ROW", List.of("INSERT", "UPDATE"), true));
    }

    @Test
    void reportsExclusionConstraintsAndUnknownTypesByName() {
        assertThat(model.unsupported()).extracting(SchemaModel.Unsupported::object, SchemaModel.Unsupported::construct)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("fixture.booking", "exclusion constraint booking_no_overlap"),
                        org.assertj.core.groups.Tuple.tuple("fixture.booking.during", "type tsrange"));
        assertThat(model.unsupported()).filteredOn(u -> u.construct().startsWith("exclusion"))
                .singleElement().satisfies(u -> assertThat(u.detail()).contains("EXCLUDE USING gist (during WITH &&)"));
    }

    @Test
    void readsOnlyTheListedSchemasButNeverSeedfleetsOwn() throws SQLException {
        SchemaModel sales = introspect(fixtureUrl, IntrospectionOptions.only("Vendas Ação", "seedfleet", "seedfleet_ledger"));
        assertThat(sales.tables()).extracting(Table::name)
                .containsExactly(new QualifiedName("Vendas Ação", "Pedido Item"));
    }

    @Test
    void isDeterministic() throws SQLException {
        assertThat(introspect(fixtureUrl, IntrospectionOptions.all())).isEqualTo(model);
    }

    // --- columns and types ----------------------------------------------------------------------

    @Test
    void readsColumnsInDeclaredOrderWithComments() {
        Table customer = table("customer");
        assertThat(customer.columns()).extracting(Column::name).containsExactly(
                "id", "customer_number", "email", "name", "tags", "profile", "external_id", "last_ip", "deleted_at");
        assertThat(customer.comment()).isEqualTo("People who buy");
        assertThat(customer.column("email").comment()).isEqualTo("Login e-mail");
        assertThat(customer.column("name").comment()).isNull();
        assertThat(table("category").columns()).extracting(Column::name).containsExactly("id", "parent_id", "name");
    }

    @Test
    void readsLengthsPrecisionAndScale() {
        assertThat(table("customer").column("email").type())
                .isEqualTo(ColumnType.text(TypeKind.VARCHAR, "character varying(120)", 120));
        assertThat(table("product").column("code").type()).isEqualTo(ColumnType.text(TypeKind.CHAR, "character(3)", 3));
        assertThat(table("product").column("price").type()).isEqualTo(ColumnType.numeric("numeric(10,2)", 10, 2));
        assertThat(table("product").column("weight").type()).isEqualTo(ColumnType.numeric("numeric", null, null));
        assertThat(table("audit_trail").column("hundreds").type()).isEqualTo(ColumnType.numeric("numeric(5,-2)", 5, -2));
        assertThat(table("audit_trail").column("fraction").type()).isEqualTo(ColumnType.numeric("numeric(3,5)", 3, 5));
        assertThat(table("audit_trail").column("flags").type()).isEqualTo(ColumnType.text(TypeKind.BIT, "bit(4)", 4));
        assertThat(table("audit_trail").column("mask").type())
                .isEqualTo(ColumnType.text(TypeKind.BIT, "bit varying(16)", 16));
        assertThat(table("order").column("placed_at").type()).isEqualTo(
                new ColumnType(TypeKind.TIMESTAMP, "timestamp(0) without time zone", null, 0, null, List.of(), null));
        assertThat(table("customer").column("deleted_at").type())
                .isEqualTo(ColumnType.of(TypeKind.TIMESTAMPTZ, "timestamp with time zone"));
    }

    @Test
    void mapsBaseTypesToKinds() {
        assertThat(table("audit_trail").columns()).extracting(c -> c.name() + ":" + c.type().kind()).containsExactly(
                "happened_at:TIMESTAMP", "actor:TEXT", "flags:BIT", "mask:BIT", "raw:BYTEA", "doc:XML",
                "span:INTERVAL", "fee:MONEY", "at_time:TIME", "at_time_tz:TIMETZ", "search:TSVECTOR",
                "mac:MACADDR", "net:CIDR", "ok:BOOLEAN", "ratio:REAL", "score:DOUBLE", "small:SMALLINT",
                "codes:ARRAY", "statuses:ARRAY", "amounts:ARRAY", "location:OTHER", "plain_json:JSON",
                "hundreds:NUMERIC", "fraction:NUMERIC");
        assertThat(table("audit_trail").column("location").type()).isEqualTo(ColumnType.of(TypeKind.OTHER, "point"));
        assertThat(table("customer").columns()).extracting(c -> c.type().kind()).containsExactly(
                TypeKind.INTEGER, TypeKind.INTEGER, TypeKind.VARCHAR, TypeKind.TEXT, TypeKind.ARRAY,
                TypeKind.JSONB, TypeKind.UUID, TypeKind.INET, TypeKind.TIMESTAMPTZ);
    }

    @Test
    void readsArraysWithTheirElement() {
        assertThat(table("customer").column("tags").type())
                .isEqualTo(ColumnType.arrayOf(ColumnType.of(TypeKind.INTEGER, "integer")));
        assertThat(table("audit_trail").column("codes").type())
                .isEqualTo(ColumnType.arrayOf(ColumnType.text(TypeKind.VARCHAR, "character varying(5)", 5)));
        assertThat(table("audit_trail").column("statuses").type()).isEqualTo(ColumnType.arrayOf(ORDER_STATUS));
        // an array of a domain: the element is the domain's base type under the domain's name
        assertThat(table("audit_trail").column("amounts").type())
                .isEqualTo(ColumnType.arrayOf(ColumnType.of(TypeKind.INTEGER, "fixture.positive_int")));
    }

    private static final ColumnType ORDER_STATUS = ColumnType.enumOf("fixture.order_status",
            List.of("new", "paid", "shipped", "refunded", "cancelled"));

    @Test
    void readsEnumsWithLabelsInDeclaredOrder() {
        Column status = table("order").column("status");
        assertThat(status.type()).isEqualTo(ORDER_STATUS);
        assertThat(status.defaultExpression()).isEqualTo("'new'::fixture.order_status");
        assertThat(status.nullable()).isFalse();
    }

    @Test
    void readsDomainsAsTheirBaseType() {
        Table product = table("product");
        // small_positive is a NOT NULL domain over positive_int, itself a domain over integer
        assertThat(product.column("quantity")).isEqualTo(
                new Column("quantity", ColumnType.of(TypeKind.INTEGER, "fixture.small_positive"), false,
                        null, Column.Identity.NONE, null, false, null));
        assertThat(product.column("sku").type()).isEqualTo(ColumnType.text(TypeKind.VARCHAR, "fixture.short_code", 8));
    }

    @Test
    void readsIdentitySerialAndGeneratedColumns() {
        assertThat(table("customer").column("id")).isEqualTo(new Column("id", ColumnType.of(TypeKind.INTEGER, "integer"),
                false, null, Column.Identity.ALWAYS, new QualifiedName("fixture", "customer_id_seq"), false, null));
        assertThat(table("order").column("id")).isEqualTo(new Column("id", ColumnType.of(TypeKind.BIGINT, "bigint"),
                false, null, Column.Identity.BY_DEFAULT, new QualifiedName("fixture", "order_id_seq"), false, null));
        assertThat(table("category").column("id")).isEqualTo(new Column("id", ColumnType.of(TypeKind.INTEGER, "integer"),
                false, "nextval('fixture.category_id_seq'::regclass)", Column.Identity.SERIAL,
                new QualifiedName("fixture", "category_id_seq"), false, null));
        assertThat(table("stock").column("id").identity()).isEqualTo(Column.Identity.SERIAL);
        assertThat(table("stock").column("id").type().kind()).isEqualTo(TypeKind.BIGINT);

        Column netPrice = table("product").column("net_price");
        assertThat(netPrice.generated()).isTrue();
        assertThat(netPrice.writable()).isFalse();
        assertThat(netPrice.defaultExpression()).isEqualTo("(price * 0.8)");
        assertThat(netPrice.identity()).isEqualTo(Column.Identity.NONE);

        Column externalId = table("customer").column("external_id");
        assertThat(externalId.defaultExpression()).isEqualTo("gen_random_uuid()");
        assertThat(externalId.identity()).isEqualTo(Column.Identity.NONE);
        assertThat(externalId.sequence()).isNull();
    }

    @Test
    void readsNullability() {
        Table customer = table("customer");
        assertThat(customer.column("email").nullable()).isFalse();
        assertThat(customer.column("name").nullable()).isTrue();
        assertThat(table("stock").column("sku").nullable()).isFalse();
    }

    // --- keys -----------------------------------------------------------------------------------

    @Test
    void readsPrimaryKeysUniqueConstraintsAndUniqueIndexesByName() {
        assertThat(table("customer").uniqueKeys()).containsExactly(
                new UniqueKey("customer_email_lower_key", List.of(), UniqueKey.Kind.UNIQUE_INDEX, false, null,
                        List.of("lower(email::text)")),
                new UniqueKey("customer_external_id_live_key", List.of("external_id"), UniqueKey.Kind.UNIQUE_INDEX,
                        false, "(deleted_at IS NULL)", List.of()),
                new UniqueKey("customer_name_email_key", List.of("name"), UniqueKey.Kind.UNIQUE_INDEX, false, null,
                        List.of("lower(email::text)")),
                UniqueKey.unique("customer_number_key", List.of("customer_number")),
                UniqueKey.primaryKey("customer_pkey", List.of("id")));
    }

    @Test
    void readsCompositeKeysAndNullsNotDistinct() {
        assertThat(table("warehouse").uniqueKeys())
                .containsExactly(UniqueKey.primaryKey("warehouse_pkey", List.of("region", "code")));
        assertThat(table("product").uniqueKeys()).containsExactly(
                new UniqueKey("product_barcode_key", List.of("barcode"), UniqueKey.Kind.UNIQUE_CONSTRAINT, true, null, List.of()),
                UniqueKey.primaryKey("product_pkey", List.of("sku")));
    }

    @Test
    void tableWithoutPrimaryKeyHasNoKeys() {
        assertThat(table("audit_trail").primaryKey()).isEmpty();
        assertThat(table("audit_trail").uniqueKeys()).isEmpty();
    }

    // --- foreign keys ---------------------------------------------------------------------------

    @Test
    void readsCompositeMatchFullAndDeferrableForeignKeys() {
        assertThat(table("stock").foreignKeys()).containsExactly(
                new ForeignKey("stock_sku_fkey", List.of("sku"), fixtureName("product"), List.of("sku"),
                        true, true, ForeignKey.MatchType.SIMPLE),
                // columns pair up in the constraint's order, not the referenced primary key's
                new ForeignKey("stock_warehouse_fkey", List.of("warehouse_code", "region"), fixtureName("warehouse"),
                        List.of("code", "region"), false, false, ForeignKey.MatchType.FULL));
    }

    @Test
    void readsSelfReferencingAndNonPrimaryKeyForeignKeys() {
        assertThat(table("category").foreignKeys()).containsExactly(ForeignKey.of("category_parent_id_fkey",
                List.of("parent_id"), fixtureName("category"), List.of("id")));
        assertThat(table("order").foreignKeys()).containsExactly(ForeignKey.of("order_customer_fkey",
                List.of("customer_number"), fixtureName("customer"), List.of("customer_number")));
    }

    @Test
    void readsOneForeignKeyToAPartitionedTable() {
        // PostgreSQL stores a hidden copy per partition of event_log; the model has the declared one
        assertThat(table("event_note").foreignKeys()).containsExactly(ForeignKey.of("event_note_event_id_event_on_fkey",
                List.of("event_id", "event_on"), fixtureName("event_log"), List.of("id", "logged_on")));
    }

    // --- partitioned tables ---------------------------------------------------------------------

    @Test
    void readsPartitionedTableWithConstraintsDeclaredOnItsPartitions() {
        Table eventLog = table("event_log");
        assertThat(eventLog.columns()).extracting(Column::name)
                .containsExactly("id", "logged_on", "customer_id", "order_id", "payload");
        assertThat(eventLog.uniqueKeys()).containsExactly(UniqueKey.primaryKey("event_log_pkey", List.of("id", "logged_on")));
        // the same FK declared on both partitions counts once; inherited copies of the parent's FK not at all
        assertThat(eventLog.foreignKeys()).containsExactly(
                ForeignKey.of("event_log_2024_order_fkey", List.of("order_id"), fixtureName("order"), List.of("id")),
                ForeignKey.of("event_log_customer_id_fkey", List.of("customer_id"), fixtureName("customer"), List.of("id")));
        assertThat(eventLog.checks()).containsExactly(
                new CheckConstraint("event_log_2025_payload_check", "(payload IS NOT NULL)", List.of("payload")));
    }

    // --- checks ---------------------------------------------------------------------------------

    @Test
    void readsCheckConstraints() {
        assertThat(table("stock").checks()).containsExactly(
                new CheckConstraint("short_code.short_code_upper", "((\"sku\")::text ~ '^[A-Z]+$'::text)", List.of("sku")),
                new CheckConstraint("stock_between",
                        "(((warehouse_code >= 1) AND (warehouse_code <= 99)) AND (region <> 'XX'::bpchar))",
                        List.of("warehouse_code", "region")));
        // NOT VALID is dropped: new rows must satisfy the constraint all the same
        assertThat(table("order").checks()).containsExactly(
                new CheckConstraint("order_total_check", "(total >= (0)::numeric)", List.of("total")));
    }

    @Test
    void restatesDomainChecksOnEachColumnOfTheDomain() {
        // quantity is a small_positive, a domain over positive_int: both domains' checks apply
        assertThat(table("product").checks()).containsExactly(
                new CheckConstraint("positive_int.positive_int_check", "(\"quantity\" > 0)", List.of("quantity")),
                new CheckConstraint("product_price_check", "(price > (0)::numeric)", List.of("price")),
                new CheckConstraint("short_code.short_code_upper", "((\"sku\")::text ~ '^[A-Z]+$'::text)", List.of("sku")),
                new CheckConstraint("small_positive.small_positive_max", "((\"quantity\")::integer <= 1000)",
                        List.of("quantity")),
                // the string literal 'VALUE' is not the keyword
                new CheckConstraint("small_positive.small_positive_not_text", "((\"quantity\")::text <> 'VALUE'::text)",
                        List.of("quantity")));
        // a domain inside an array constrains each element, which a column CHECK cannot say
        assertThat(table("audit_trail").checks()).isEmpty();
    }

    // --- names that need quoting ----------------------------------------------------------------

    @Test
    void keepsNamesThatNeedQuotingUnquoted() {
        Table item = model.table(new QualifiedName("Vendas Ação", "Pedido Item"));
        assertThat(item.columns()).extracting(Column::name)
                .containsExactly("ação", "Line No", "CamelCase", "Qtd Ação", "order_id");
        assertThat(item.column("ação").comment()).isEqualTo("ação");
        assertThat(item.uniqueKeys()).containsExactly(UniqueKey.primaryKey("Pedido Item_pkey", List.of("ação", "Line No")));
        assertThat(item.foreignKeys()).containsExactly(ForeignKey.of("Pedido Item_order_id_fkey", List.of("order_id"),
                fixtureName("order"), List.of("id")));
        assertThat(item.checks()).containsExactly(
                new CheckConstraint("Quantidade positiva", "((\"ação\" > 0) AND (\"Line No\" > 0))", List.of("ação", "Line No")),
                new CheckConstraint("positive_int.positive_int_check", "(\"Qtd Ação\" > 0)", List.of("Qtd Ação")),
                new CheckConstraint("small_positive.small_positive_max", "((\"Qtd Ação\")::integer <= 1000)",
                        List.of("Qtd Ação")),
                new CheckConstraint("small_positive.small_positive_not_text", "((\"Qtd Ação\")::text <> 'VALUE'::text)",
                        List.of("Qtd Ação")));
    }

    // --- the connection is left as it was -------------------------------------------------------

    @Test
    void restoresAutocommitAndReadOnly() throws SQLException {
        try (Connection connection = connect(fixtureUrl)) {
            PostgresIntrospector.introspect(connection, IntrospectionOptions.all());
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.isReadOnly()).isFalse();

            connection.setAutoCommit(false);
            PostgresIntrospector.introspect(connection, IntrospectionOptions.all());
            assertThat(connection.getAutoCommit()).isFalse();
            assertThat(connection.isReadOnly()).isFalse();
            assertThat(searchPath(connection)).contains("public");
            connection.rollback();
        }
    }

    @Test
    void refusesToRunInsideTheCallersTransaction() throws SQLException {
        try (Connection connection = connect(fixtureUrl); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TEMP TABLE scratch (id int)");
            assertThatThrownBy(() -> PostgresIntrospector.introspect(connection, IntrospectionOptions.all()))
                    .isInstanceOf(IllegalStateException.class);
            // the caller's transaction is untouched
            statement.execute("INSERT INTO scratch VALUES (1)");
            connection.rollback();
        }
    }

    // --- real schemas ---------------------------------------------------------------------------

    @Test
    void readsPagila() throws Exception {
        SchemaModel pagila = introspectShared("pagila");
        // stats.json: tables 15 (partitions apart), columns 87, not_null_columns 72, pk 15, pk_composite 3
        assertThat(pagila.tables()).hasSize(15);
        assertThat(columns(pagila, c -> true)).isEqualTo(87);
        assertThat(columns(pagila, c -> !c.nullable())).isEqualTo(72);
        assertThat(columns(pagila, c -> c.defaultExpression() != null)).isEqualTo(34);
        assertThat(pagila.tables()).allSatisfy(t -> assertThat(t.primaryKey()).isPresent());
        assertThat(pagila.tables()).filteredOn(t -> t.primaryKey().orElseThrow().columns().size() > 1).hasSize(3);
        // serial_columns 13: nextval defaults on sequences pagila does not declare OWNED BY
        assertThat(columns(pagila, c -> c.identity() == Column.Identity.SERIAL)).isEqualTo(13);
        assertThat(pagila.table(publicName("payment")).column("payment_id").sequence())
                .isEqualTo(publicName("payment_payment_id_seq"));
        // fk 36 counts the 18 declared on six payment partitions; the model holds those 3 FKs once, on payment
        assertThat(pagila.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(36 - 18 + 3);
        assertThat(pagila.table(publicName("payment")).foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsExactly(publicName("customer"), publicName("rental"), publicName("staff"));
        // enums 1 with 5 labels on 1 column; 1 domain check on 1 column; 1 array, 1 tsvector, 1 bytea column
        assertThat(pagila.table(publicName("film")).column("rating").type()).isEqualTo(ColumnType.enumOf(
                "public.mpaa_rating", List.of("G", "PG", "PG-13", "R", "NC-17")));
        assertThat(pagila.table(publicName("film")).checks()).containsExactly(new CheckConstraint("year.year_check",
                "((\"release_year\" >= 1901) AND (\"release_year\" <= 2155))", List.of("release_year")));
        assertThat(columns(pagila, c -> c.type().kind() == TypeKind.ARRAY)).isEqualTo(1);
        assertThat(columns(pagila, c -> c.type().kind() == TypeKind.TSVECTOR)).isEqualTo(1);
        assertThat(columns(pagila, c -> c.type().kind() == TypeKind.BYTEA)).isEqualTo(1);
    }

    @Test
    void readsDocumenso() throws Exception {
        SchemaModel documenso = introspectShared("documenso");
        // stats.json: tables 51, columns 489, not_null_columns 357, columns_with_default 130, pk 51
        assertThat(documenso.tables()).hasSize(51);
        assertThat(columns(documenso, c -> true)).isEqualTo(489);
        assertThat(columns(documenso, c -> !c.nullable())).isEqualTo(357);
        assertThat(columns(documenso, c -> c.defaultExpression() != null)).isEqualTo(130);
        assertThat(documenso.tables()).allSatisfy(t -> assertThat(t.primaryKey()).isPresent());
        // fk 63, fk_self_ref 1, fk_nullable 12
        List<ForeignKey> foreignKeys = documenso.tables().stream().flatMap(t -> t.foreignKeys().stream()).toList();
        assertThat(foreignKeys).hasSize(63);
        assertThat(documenso.tables()).filteredOn(t -> t.foreignKeys().stream()
                .anyMatch(fk -> fk.referencedTable().equals(t.name()))).hasSize(1);
        assertThat(documenso.tables().stream().mapToLong(t -> t.foreignKeys().stream()
                .filter(fk -> fk.columns().stream().anyMatch(c -> t.column(c).nullable())).count()).sum()).isEqualTo(12);
        // unique_indexes_extra 43 (Prisma declares unique indexes, not constraints), unique_composite 6
        List<UniqueKey> uniqueIndexes = documenso.tables().stream().flatMap(t -> t.uniqueKeys().stream())
                .filter(k -> !k.isPrimaryKey()).toList();
        assertThat(uniqueIndexes).hasSize(43).allMatch(k -> k.kind() == UniqueKey.Kind.UNIQUE_INDEX);
        assertThat(uniqueIndexes).filteredOn(k -> k.columns().size() > 1).hasSize(6);
        // enums 30 with 118 labels, on 36 columns; jsonb 34, arrays 4, bytea 5, serial 11
        List<ColumnType> enums = documenso.tables().stream().flatMap(t -> t.columns().stream())
                .map(c -> c.type().kind() == TypeKind.ARRAY ? c.type().element() : c.type())
                .filter(type -> type.kind() == TypeKind.ENUM).toList();
        assertThat(enums).hasSize(36);
        assertThat(enums.stream().distinct()).hasSize(30);
        assertThat(enums.stream().distinct().mapToInt(e -> e.enumLabels().size()).sum()).isEqualTo(118);
        assertThat(columns(documenso, c -> c.type().kind() == TypeKind.JSONB)).isEqualTo(34);
        assertThat(columns(documenso, c -> c.type().kind() == TypeKind.ARRAY)).isEqualTo(4);
        assertThat(columns(documenso, c -> c.type().kind() == TypeKind.BYTEA)).isEqualTo(5);
        assertThat(columns(documenso, c -> c.identity() == Column.Identity.SERIAL)).isEqualTo(11);
        // the FK cycle Organisation -> OrganisationGlobalSettings -> OrganisationEmail -> Organisation
        assertThat(documenso.table(publicName("OrganisationGlobalSettings")).foreignKeys()).containsExactly(
                ForeignKey.of("OrganisationGlobalSettings_emailId_fkey", List.of("emailId"),
                        publicName("OrganisationEmail"), List.of("id")));
        assertThat(documenso.table(publicName("OrganisationEmail")).foreignKeys())
                .contains(ForeignKey.of("OrganisationEmail_organisationId_fkey", List.of("organisationId"),
                        publicName("Organisation"), List.of("id")));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Table table(String name) {
        return model.table(fixtureName(name));
    }

    private static QualifiedName fixtureName(String name) {
        return new QualifiedName("fixture", name);
    }

    private static QualifiedName publicName(String name) {
        return new QualifiedName("public", name);
    }

    private static long columns(SchemaModel schema, Predicate<Column> filter) {
        return schema.tables().stream().flatMap(t -> t.columns().stream()).filter(filter).count();
    }

    private static SchemaModel introspectShared(String name) throws Exception {
        Path script = SHARED_SCHEMAS.resolve(name).resolve("schema.sql");
        assumeTrue(Files.isReadable(script), () -> "no " + script);
        return introspect(createDatabase(name, script), IntrospectionOptions.all());
    }

    private static String createDatabase(String name, Path script) throws SQLException, IOException {
        String url = server.createDatabase(name);
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(script));
        }
        return url;
    }

    private static SchemaModel introspect(String url, IntrospectionOptions options) throws SQLException {
        try (Connection connection = connect(url)) {
            return PostgresIntrospector.introspect(connection, options);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    private static String searchPath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW search_path")) {
            rs.next();
            return Objects.requireNonNull(rs.getString(1));
        }
    }
}

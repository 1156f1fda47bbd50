package io.seedfleet.sources.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.sources.ddl.PostgresDdlWriter;
import io.seedfleet.sources.prisma.ScratchDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphqlSchemaReaderTest {
    private static final Path RESOURCES = Path.of("src/test/resources/graphql");
    private static final SchemaModel SHOP = GraphqlSchemaReader.read(List.of(RESOURCES.resolve("shop.graphql")));

    private static Table table(String name) {
        return SHOP.table(new QualifiedName("public", name));
    }

    private static QualifiedName named(String name) {
        return new QualifiedName("public", name);
    }

    @Test
    void objectTypesBecomeTablesAndTheRestIsSkippedOrReported() {
        assertThat(SHOP.tables()).extracting(t -> t.name().name()).containsExactly(
                "Address", "Category", "Category_products", "Customer", "Order", "OrderLine", "Post",
                "Post_watchers", "Product", "Product_related");
        assertThat(SHOP.unsupported()).extracting(SchemaModel.Unsupported::object, SchemaModel.Unsupported::construct)
                .containsExactlyInAnyOrder(
                        tuple("Customer.favouriteColor", "custom scalar"),
                        tuple("Post.node", "interface reference"),
                        tuple("Post.search", "union reference"),
                        tuple("SearchResult", "union"));
    }

    @Test
    void scalarsEnumsListsAndNullability() {
        Table customer = table("Customer");
        assertThat(customer.columns()).extracting(Column::name, c -> c.type().kind(), Column::nullable).containsExactly(
                tuple("id", TypeKind.TEXT, false),
                tuple("email", TypeKind.TEXT, false),
                tuple("name", TypeKind.TEXT, false),
                tuple("website", TypeKind.TEXT, true),
                tuple("birthday", TypeKind.DATE, true),
                tuple("loyaltyPoints", TypeKind.INTEGER, true),
                tuple("vip", TypeKind.BOOLEAN, false),
                tuple("preferences", TypeKind.JSONB, true),
                tuple("favouriteColor", TypeKind.TEXT, true),
                tuple("referredById", TypeKind.TEXT, true));
        assertThat(customer.uniqueKeys()).containsExactly(UniqueKey.primaryKey("Customer_pkey", List.of("id")),
                UniqueKey.unique("Customer_email_key", List.of("email")));

        Table product = table("Product");
        assertThat(product.column("sku").type().kind()).isEqualTo(TypeKind.UUID);
        assertThat(product.column("price").type().kind()).isEqualTo(TypeKind.NUMERIC);
        assertThat(product.column("weight").type().kind()).isEqualTo(TypeKind.DOUBLE);
        assertThat(product.column("stock").type().kind()).isEqualTo(TypeKind.BIGINT);
        assertThat(product.column("tags").type()).isEqualTo(ColumnType.arrayOf(ColumnType.of(TypeKind.TEXT, "text")));
        assertThat(product.column("tags").nullable()).isFalse();
        assertThat(product.column("ratings").type().element().kind()).isEqualTo(TypeKind.INTEGER);
        assertThat(product.column("ratings").nullable()).isTrue();

        Table order = table("Order");
        ColumnType status = order.column("status").type();
        assertThat(status.kind()).isEqualTo(TypeKind.ENUM);
        assertThat(status.enumLabels()).containsExactly("PENDING", "PAID", "SHIPPED", "CANCELLED");
        assertThat(order.column("history").type().element()).isEqualTo(status);
        assertThat(order.column("placedAt").type().kind()).isEqualTo(TypeKind.TIMESTAMPTZ);
    }

    @Test
    void aTypeWithoutAnIdGetsASurrogateKey() {
        Table address = table("Address");
        Column id = address.column("id");
        assertThat(id.type().kind()).isEqualTo(TypeKind.BIGINT);
        assertThat(id.identity()).isEqualTo(Column.Identity.BY_DEFAULT);
        assertThat(address.primaryKey()).contains(UniqueKey.primaryKey("Address_pkey", List.of("id")));
        assertThat(table("OrderLine").primaryKey().orElseThrow().columns()).containsExactly("id");
    }

    @Test
    void referencesBecomeForeignKeyColumns() {
        assertThat(table("Address").foreignKeys()).containsExactly(
                ForeignKey.of("Address_customerId_fkey", List.of("customerId"), named("Customer"), List.of("id")));
        assertThat(table("Address").column("customerId").nullable()).isFalse();
        assertThat(table("Customer").foreignKeys()).containsExactly(
                ForeignKey.of("Customer_referredById_fkey", List.of("referredById"), named("Customer"), List.of("id")));
        assertThat(table("Category").foreignKeys()).containsExactly(
                ForeignKey.of("Category_parentId_fkey", List.of("parentId"), named("Category"), List.of("id")));
        Table post = table("Post");
        assertThat(post.foreignKeys()).extracting(ForeignKey::columns).containsExactly(List.of("authorId"), List.of("editorId"));
        assertThat(post.column("editorId").nullable()).isTrue();
        assertThat(post.uniqueKeys()).contains(UniqueKey.unique("Post_slug_key", List.of("slug")));
        // an existing productId field holds the reference: no second column
        Table line = table("OrderLine");
        assertThat(line.columns()).extracting(Column::name).containsExactly("id", "productId", "quantity", "orderId");
        assertThat(line.foreignKeys()).extracting(ForeignKey::columns).containsExactly(List.of("orderId"), List.of("productId"));
    }

    @Test
    void listsOfObjectsAreOneToManyOrJunctionTables() {
        // Customer.orders, Customer.addresses, Order.lines, Category.children: the other side's single back-reference
        assertThat(SHOP.tables()).extracting(t -> t.name().name())
                .doesNotContain("Customer_orders", "Customer_addresses", "Order_lines", "Category_children");
        // Category.products and Product.categories list each other: one junction table
        Table categoryProducts = table("Category_products");
        assertThat(categoryProducts.primaryKey()).contains(
                UniqueKey.primaryKey("Category_products_pkey", List.of("categoryId", "productId")));
        assertThat(categoryProducts.foreignKeys()).containsExactly(
                ForeignKey.of("Category_products_categoryId_fkey", List.of("categoryId"), named("Category"), List.of("id")),
                ForeignKey.of("Category_products_productId_fkey", List.of("productId"), named("Product"), List.of("id")));
        assertThat(SHOP.tables()).extracting(t -> t.name().name()).doesNotContain("Product_categories");
        // a self-referencing list names its second column after the field
        assertThat(table("Product_related").columns()).extracting(Column::name).containsExactly("productId", "relatedId");
        // Customer has two single references to Post? no: none, so Post.watchers needs a junction
        assertThat(table("Post_watchers").columns()).extracting(Column::name, Column::nullable)
                .containsExactly(tuple("postId", false), tuple("customerId", false));
    }

    /** The model written as DDL loads into PostgreSQL, and the engine plans, generates and validates it. */
    @Test
    void shopLoadsSeedsAndValidates() throws Exception {
        JdbcTarget target = ScratchDatabases.create("graphql_shop", PostgresDdlWriter.write(SHOP));
        SchemaModel loaded = ScratchDatabases.introspect(target);
        assertThat(loaded.tables()).extracting(Table::name).containsExactlyElementsOf(SHOP.tables().stream().map(Table::name).toList());
        for (Table table : SHOP.tables()) {
            Table back = loaded.table(table.name());
            assertThat(back.uniqueKeys()).as(table.name().toString()).containsExactlyInAnyOrderElementsOf(table.uniqueKeys());
            assertThat(back.foreignKeys()).as(table.name().toString()).containsExactlyInAnyOrderElementsOf(table.foreignKeys());
        }

        RunSummary run = ScratchDatabases.generateAndValidate(SHOP, target);

        assertThat(run.tables()).hasSize(10).allSatisfy((table, total) -> assertThat(total.rows()).as(table).isPositive());
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        Path file = RESOURCES.resolve("broken.graphql");
        assertThatThrownBy(() -> GraphqlSchemaReader.read(List.of(file)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.construct()).contains("String");
                });
    }

    @Test
    void unknownTypeIsNamed() {
        Path file = RESOURCES.resolve("unknown-type.graphql");
        assertThatThrownBy(() -> GraphqlSchemaReader.read(List.of(file)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.construct()).isEqualTo("field Customer.shoeSize");
                })
                .hasMessageContaining("unknown type 'Shoe'");
    }

    @Test
    void severalFilesAreOneSchemaAndATypeDefinedTwiceIsAnError(@TempDir Path dir) throws Exception {
        Path a = RESOURCES.resolve("split/a.graphql");
        Path b = RESOURCES.resolve("split/b.graphql");
        assertThatThrownBy(() -> GraphqlSchemaReader.read(List.of(a, b)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.source()).isEqualTo(b.toString());
                    assertThat(e.line()).isEqualTo(6);
                })
                .hasMessageContaining("type Author: already defined at " + a + ":1");
        Files.copy(a, dir.resolve("a.graphql"));
        Files.writeString(dir.resolve("book.graphqls"), "type Book {\n  id: ID!\n  author: Author!\n}");
        Files.writeString(dir.resolve("notes.txt"), "not a schema {");
        SchemaModel model = GraphqlSchemaReader.read(List.of(dir));
        assertThat(model.table(named("Book")).foreignKeys()).containsExactly(
                ForeignKey.of("Book_authorId_fkey", List.of("authorId"), named("Author"), List.of("id")));
    }
}

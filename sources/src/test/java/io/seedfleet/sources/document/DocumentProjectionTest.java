package io.seedfleet.sources.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.generate.Semantic;
import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relational form a document schema is projected onto: what the engine is asked to fill. */
class DocumentProjectionTest {
    private final DocumentSchema schema = JsonSchemaReader.read(Documents.fixture("events-2020-12.json"));
    private final SchemaModel model = schema.model();
    private final Table root = model.table(new QualifiedName("document", "events_2020_12"));

    @Test
    void scalarPropertiesAreTypedColumnsWithTheirBoundsAsChecks() {
        assertThat(root.column("id").type().kind()).isEqualTo(TypeKind.UUID);
        assertThat(root.column("occurredAt").type().kind()).isEqualTo(TypeKind.TIMESTAMPTZ);
        assertThat(root.column("attempts").nullable()).isFalse();
        assertThat(root.column("ratio").nullable()).isTrue();
        assertThat(root.column("severity").type().enumLabels()).containsExactly("debug", "info", "warning", "error");
        assertThat(root.column("priority").type().enumLabels()).containsExactly("1", "2", "3");
        assertThat(root.column("note").type().length()).isEqualTo(12);
        assertThat(checks(root, "attempts")).containsExactlyInAnyOrder("\"attempts\" >= 1", "\"attempts\" <= 5");
        assertThat(checks(root, "ratio")).containsExactlyInAnyOrder("\"ratio\" > 0", "\"ratio\" <= 1");
        assertThat(checks(root, "note")).containsExactlyInAnyOrder("char_length(\"note\") >= 3", "char_length(\"note\") <= 12");
        // multipleOf 15 within 0..300: the column holds the multiplier 0..20
        assertThat(checks(root, "bucket")).containsExactlyInAnyOrder("\"bucket\" >= 0", "\"bucket\" <= 20");
    }

    @Test
    void nestedObjectsAreFlattenedAndArraysAreChildTables() {
        assertThat(root.column("source.system").nullable()).isFalse();
        Column presence = root.column("location.__present");
        assertThat(presence.nullable()).isTrue();
        assertThat(presence.type().kind()).isEqualTo(TypeKind.BOOLEAN);
        Table tags = model.table(new QualifiedName("document", "events_2020_12.tags"));
        assertThat(tags.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly(root.name());
        assertThat(tags.column("tags").type().enumLabels()).containsExactly("red", "green", "blue", "amber");
        assertThat(tags.columns()).extracting(Column::name).contains("__parent", "__ordinal");
        Table lines = model.table(new QualifiedName("document", "events_2020_12.payload#1.lines"));
        assertThat(lines.column("quantity").nullable()).isFalse();
    }

    @Test
    void oneOfIsASelectorColumnAndFormatsAreHintsTheEngineReads() {
        assertThat(root.column("payload#").type().enumLabels()).containsExactly("0", "1", "2");
        assertThat(root.column("payload#1.amount").type().kind()).isEqualTo(TypeKind.NUMERIC);
        // "contact" says nothing by its name; its format makes the engine write email addresses
        assertThat(root.column("contact").comment()).isEqualTo("format: email");
        assertThat(Semantic.classify(root, root.column("contact"))).isEqualTo(Semantic.EMAIL);
        assertThat(root.column("code").comment()).startsWith("pattern: ");
        assertThat(model.unsupported()).noneMatch(u -> u.construct().equals("oneOf"));
    }

    private static List<String> checks(Table t, String column) {
        return t.checks().stream().filter(c -> c.columns().equals(List.of(column))).map(CheckConstraint::expression).toList();
    }
}

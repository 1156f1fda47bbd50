package io.seedfleet.sources.prisma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the tokenizer and parser that hold for any input of their kind. */
class PrismaParserTest {

    /** Any string, escaped as Prisma writes it, comes back as the same text in the column DEFAULT. */
    @Property
    void stringDefaultsSurviveEscaping(@ForAll @StringLength(max = 40) String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t");
        String schema = "model A {\n  id Int @id\n  s String @default(\"" + escaped + "\") // a comment \"\n}\n";

        SchemaModel model = new PrismaSchemaBuilder(PrismaParser.parse("a.prisma", schema)).build();

        assertThat(model.table(new QualifiedName("public", "A")).column("s").defaultExpression())
                .isEqualTo(Identifiers.literal(value));
    }

    /** Whatever blank lines and comments precede it, an error is reported on the line it is on. */
    @Property
    void errorsCarryTheirLine(@ForAll @IntRange(max = 30) int blankLines, @ForAll @IntRange(max = 30) int commentLines) {
        String schema = "\n".repeat(blankLines) + "// note\n".repeat(commentLines) + "model A {\n  id Int @id\n  name String @unique)\n}\n";
        int expectedLine = blankLines + commentLines + 3;

        assertThatThrownBy(() -> PrismaParser.parse("a.prisma", schema))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(expectedLine);
                    assertThat(e.construct()).isEqualTo("field A.name");
                })
                .hasMessageContaining("expected the end of the line but found ')'");
    }
}

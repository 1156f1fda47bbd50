package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedfleet.core.schema.QualifiedName;
import java.math.BigDecimal;
import java.util.List;

/**
 * How the rows of the projected tables nest back into one document: which column of the current
 * table holds a value, which child table holds an array's elements, which column picks a branch.
 */
public sealed interface Shape {

    /** A JSON object flattened into its table's columns; absent when {@code presenceColumn} is NULL. */
    record Obj(String presenceColumn, List<Property> properties) implements Shape {
        public Obj {
            properties = List.copyOf(properties);
        }
    }

    /**
     * One property of an object. A NULL value omits it, unless {@code nullLiteral} (the property is
     * required and its schema allows null): then it is written as {@code null}.
     */
    record Property(String name, Shape shape, boolean nullLiteral) {}

    /**
     * A value read from {@code column}. {@code pattern} (a JSON Schema regex) means the value is made
     * to match it here rather than by the engine; {@code multipleOf} means the column holds the
     * multiplier and the value is that times {@code multipleOf}; {@code jsonLiteral} means the
     * column's labels are JSON texts (an enum of numbers or objects).
     */
    record Scalar(String column, ScalarKind kind, String pattern, Integer minLength, Integer maxLength,
                  BigDecimal multipleOf, boolean jsonLiteral) implements Shape {}

    /**
     * An array whose elements are the rows of {@code table} (a child table with a foreign key to
     * this one); each parent row gets between {@code minItems} and {@code maxItems} of them.
     */
    record Array(QualifiedName table, int minItems, int maxItems, Shape element, boolean uniqueItems) implements Shape {}

    /** oneOf/anyOf: {@code selectorColumn} holds the index of the branch this row uses. */
    record Choice(String selectorColumn, List<Shape> branches) implements Shape {
        public Choice {
            branches = List.copyOf(branches);
        }
    }

    /** A value fixed by the schema ({@code type: "null"}). */
    record Constant(JsonNode value) implements Shape {}
}

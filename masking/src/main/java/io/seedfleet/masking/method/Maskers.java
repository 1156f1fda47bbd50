package io.seedfleet.masking.method;

import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.generate.Semantic;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds the masker of a {@code spec.masking} rule for one column. Throws
 * {@link IllegalArgumentException} naming the column and the problem when the method cannot apply to
 * the column's type or a param is wrong, so a bad definition fails before any row is read.
 */
public final class Maskers {
    private Maskers() {}

    public static ColumnMasker of(DataDefinition.MaskRule rule, Column column, MaskingSecret secret) {
        return of(rule, new Table(new QualifiedName("public", "masked"), List.of(column), List.of(), List.of(), List.of(), null), column, secret);
    }

    /** With the column's table, which {@code fake} uses to tell what a plain {@code name} column holds. */
    public static ColumnMasker of(DataDefinition.MaskRule rule, Table table, Column column, MaskingSecret secret) {
        if (rule == null || rule.method() == null) throw new IllegalArgumentException("column " + column.name() + ": the masking rule has no method");
        Params params = new Params(rule.method(), column, rule.params());
        TypeKind kind = column.type().kind();
        if ((kind == TypeKind.JSON || kind == TypeKind.JSONB) && params.has("paths")) return JsonPathMasker.of(params, secret);
        return switch (rule.method()) {
            case "keep" -> keep(params.allow());
            case "null" -> nullify(params.allow());
            case "redact" -> Redact.of(params);
            case "hash" -> HashMasker.of(params, secret);
            case "partial" -> PartialMasker.of(params);
            case "fpe" -> FpeMasker.of(params, secret);
            case "fake" -> FakeMasker.of(params, Semantic.classify(table, column), secret);
            case "email" -> EmailMasker.of(params, secret);
            case "generalize" -> GeneralizeMasker.of(params);
            case "noise" -> NoiseMasker.of(params, secret);
            default -> throw params.problem("unknown method (one of " + DataDefinition.MaskRule.METHODS + ")");
        };
    }

    /** As {@link #of(DataDefinition.MaskRule, Table, Column, MaskingSecret)}, never returning a value {@code forbidden} holds. */
    public static ColumnMasker of(DataDefinition.MaskRule rule, Table table, Column column, MaskingSecret secret, Predicate<String> forbidden) {
        return of(rule, table, column, secret).avoiding(forbidden);
    }

    private static ColumnMasker keep(Params params) {
        return new ColumnMasker() {
            public String mask(String value) {
                return value;
            }

            public boolean bijective() {
                return true;
            }
        };
    }

    private static ColumnMasker nullify(Params params) {
        if (!params.column().nullable()) throw params.problem("the column is NOT NULL, so it cannot be masked with null");
        return value -> null;
    }
}

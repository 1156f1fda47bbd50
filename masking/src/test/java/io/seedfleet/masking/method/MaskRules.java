package io.seedfleet.masking.method;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.TypeKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers: rules, columns and maskers in one line. */
final class MaskRules {
    static final MaskingSecret SECRET = MaskingSecret.of("a test secret of enough length");
    static final MaskingSecret OTHER = MaskingSecret.of("another secret, also long enough");

    private MaskRules() {}

    static MaskRule rule(String method, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) params.put((String) keyValues[i], keyValues[i + 1]);
        return new MaskRule(method, params);
    }

    static Column text(String name, Integer length) {
        return Column.of(name, ColumnType.text(length == null ? TypeKind.TEXT : TypeKind.VARCHAR, length == null ? "text" : "varchar", length), true);
    }

    static Column of(String name, TypeKind kind, String sqlName) {
        return Column.of(name, ColumnType.of(kind, sqlName), true);
    }

    static ColumnMasker masker(MaskRule rule, Column column) {
        return Maskers.of(rule, column, SECRET);
    }
}

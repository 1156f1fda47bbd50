package io.seedfleet.masking.run;

import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.pii.PiiFinding;
import io.seedfleet.masking.pii.PiiScanner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a masking run learns of its source before it copies: the whole schema and the personal data
 * the scanner finds in it. The CLI's {@code mask} and the fleet's planner read it the same way, so the
 * same source gives them the same proposed rules, strict check and leak check.
 *
 * @param findings the scanner's findings on a sample of each table's rows
 */
public record SourceScan(SchemaModel model, List<PiiFinding> findings) {
    /** Rows of each table the scanner samples: enough to tell a column of e-mail addresses from one that holds a few. */
    static final int SAMPLE_ROWS = 1000;

    public SourceScan {
        findings = List.copyOf(findings);
    }

    public static SourceScan of(JdbcTarget source) throws SQLException {
        try (Connection c = source.open()) {
            SchemaModel model = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            return new SourceScan(model, PiiScanner.scan(c, model, SAMPLE_ROWS));
        }
    }
}

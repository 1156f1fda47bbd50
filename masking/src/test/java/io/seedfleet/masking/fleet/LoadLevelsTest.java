package io.seedfleet.masking.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.run.MaskingFixtures;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadLevelsTest {
    @Test
    void parentsComeFirstAndACycleSharesOneLevelWithoutHoldingBackTheRest() throws Exception {
        JdbcTarget db = MaskingFixtures.newDatabase("levels");
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE a (id int PRIMARY KEY);
                    CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a, boss int REFERENCES b);
                    CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b);
                    CREATE TABLE x (id int PRIMARY KEY, y_id int);
                    CREATE TABLE y (id int PRIMARY KEY, x_id int REFERENCES x, a_id int REFERENCES a);
                    ALTER TABLE x ADD FOREIGN KEY (y_id) REFERENCES y;
                    CREATE TABLE z (id int PRIMARY KEY, x_id int REFERENCES x, c_id int REFERENCES c);
                    """);
        }
        SchemaModel model = MaskingFixtures.introspect(db);
        Map<QualifiedName, Integer> levels = LoadLevels.of(model);
        assertThat(levels.get(QualifiedName.parse("public.a"))).isZero();
        assertThat(levels.get(QualifiedName.parse("public.b"))).as("a self-reference is no cycle").isEqualTo(1);
        assertThat(levels.get(QualifiedName.parse("public.c"))).isEqualTo(2);
        assertThat(levels.get(QualifiedName.parse("public.x"))).isEqualTo(1).isEqualTo(levels.get(QualifiedName.parse("public.y")));
        assertThat(levels.get(QualifiedName.parse("public.z"))).isEqualTo(3);
    }
}

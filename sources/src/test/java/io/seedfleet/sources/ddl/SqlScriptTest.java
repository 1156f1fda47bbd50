package io.seedfleet.sources.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.schema.SourceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsOutsideStringsCommentsAndDollarQuotes() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE t (a text DEFAULT 'x;y', "b;c" int);
                /* block; /* nested; */ still comment; */
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
                SELECT E'it\\'s; fine', $$;$$, $1;
                """;
        List<SqlScript.Statement> statements = SqlScript.split("s.sql", script);
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(2, 4, 5);
        assertThat(statements.get(0).sql()).isEqualTo("CREATE TABLE t (a text DEFAULT 'x;y', \"b;c\" int)");
        assertThat(statements.get(1).sql()).endsWith("$body$ SELECT 1; $body$");
        assertThat(statements.get(2).sql()).contains("E'it\\'s; fine'").contains("$$;$$");
    }

    @Test
    void skipsCopyDataAndPgDumpRestrictLines() {
        String script = "\\restrict abc\nCREATE TABLE t (a int);\nCOPY t (a) FROM stdin;\n1\n2\n\\.\nCREATE INDEX ON t (a);\n\\unrestrict abc\n";
        List<SqlScript.Statement> statements = SqlScript.split("s.sql", script);
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(2, 3, 7);
        assertThat(statements.get(2).sql()).isEqualTo("CREATE INDEX ON t (a)");
    }

    @Test
    void refusesOtherPsqlMetaCommandsWithTheirLine() {
        assertThatThrownBy(() -> SqlScript.split("m.sql", "CREATE TABLE t (a int);\n\\connect other\n"))
                .isInstanceOf(SourceException.class)
                .hasMessage("m.sql:2: \\connect: psql meta-command; run the file through psql, or remove it");
    }

    @Test
    void reportsAnUnterminatedStringWhereItStarts() {
        assertThatThrownBy(() -> SqlScript.split("u.sql", "SELECT 1;\n\nSELECT 'open;\n"))
                .isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).line()).isEqualTo(3))
                .hasMessageContaining("unterminated string literal");
    }
}

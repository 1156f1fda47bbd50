package io.seedfleet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void createsDatabasesWhoseNamesNeedQuoting() throws SQLException {
        String url = server.createDatabase("my-db");
        String oddUrl = server.createDatabase("Fleet \"Q\" db");

        try (Connection connection = connect(server, url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE vehicle (id int PRIMARY KEY, name text NOT NULL)");
            statement.execute("INSERT INTO vehicle VALUES (1, 'truck'), (2, 'van')");
            assertThat(column(statement, "SELECT name FROM vehicle ORDER BY id")).isEqualTo("truck,van");
            assertThat(column(statement, "SELECT current_database()")).isEqualTo("my-db");
        }
        try (Connection connection = connect(server, oddUrl); Statement statement = connection.createStatement()) {
            assertThat(column(statement, "SELECT current_database()")).isEqualTo("Fleet \"Q\" db");
        }
    }

    @Test
    void aSecondServerRunsAlongsideAndClosesAlone() throws SQLException {
        String firstUrl = server.createDatabase("fleet");
        PostgresServer second = PostgresServer.start();
        try {
            assertThat(second.port()).isNotEqualTo(server.port());
            String secondUrl = second.createDatabase("fleet");
            execute(second, secondUrl, "CREATE TABLE only_in_second (id int)");
            assertThatThrownBy(() -> execute(server, firstUrl, "SELECT * FROM only_in_second"))
                    .hasMessageContaining("only_in_second");

            second.close();

            assertThatThrownBy(() -> execute(second, secondUrl, "SELECT 1")).isInstanceOf(SQLException.class);
            execute(server, firstUrl, "CREATE TABLE after_second_closed (id int)");
        } finally {
            second.close();
        }
    }

    private static Connection connect(RunningPostgres postgres, String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    private static void execute(RunningPostgres postgres, String url, String sql) throws SQLException {
        try (Connection connection = connect(postgres, url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String column(Statement statement, String query) throws SQLException {
        StringBuilder values = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.append(values.length() == 0 ? "" : ",").append(rows.getString(1));
            }
        }
        return values.toString();
    }
}

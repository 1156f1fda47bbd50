package io.seedfleet.core.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A database to connect to. The password never appears in {@link #toString()} or logs. */
public record JdbcTarget(String url, String user, String password) {

    public JdbcTarget {
        if (url == null || !url.startsWith("jdbc:")) throw new IllegalArgumentException("not a JDBC URL: " + redact(url));
    }

    public static JdbcTarget of(String url) {
        return new JdbcTarget(url, null, null);
    }

    public Connection open() throws SQLException {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        p.setProperty("ApplicationName", "seedfleet");
        // MysqlSink loads with LOAD DATA LOCAL INFILE from a stream
        if (isMysql()) p.setProperty("allowLocalInfile", "true");
        return DriverManager.getConnection(url, p);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** MySQL or MariaDB (through MariaDB Connector/J, which takes both URL schemes). */
    public boolean isMysql() {
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    @Override
    public String toString() {
        return redact(url) + (user == null ? "" : " as " + user);
    }

    /** The URL without any password parameter, for messages. */
    public static String redact(String url) {
        return url == null ? "null" : url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }
}

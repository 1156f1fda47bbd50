package io.seedfleet.cli;

import io.seedfleet.core.plan.PlanningException;
import java.io.PrintWriter;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code seedfleet} command. Errors are reported as plain sentences, never as bare stack traces. */
@Command(name = "seedfleet", mixinStandardHelpOptions = true, version = "seedfleet 0.1.0",
        description = "Realistic, constraint-valid test data for PostgreSQL, MySQL/MariaDB and JSON documents, the same bytes for the same seed.",
        subcommands = {InspectCommand.class, InitCommand.class, GenerateCommand.class, ValidateCommand.class, VersionsCommand.class,
                ExportCommand.class, LoadCommand.class, ScanPiiCommand.class, MaskCommand.class, NegativeCommand.class, DemoCommand.class})
public final class Seedfleet {

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("seedfleet.log", "warn"));
        // The demo's in-process broker warns about its own routine start and stop.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", System.getProperty("seedfleet.log", "error"));
        System.setProperty("org.slf4j.simpleLogger.log.kafka", System.getProperty("seedfleet.log", "error"));
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line and returns its exit code: 0 success, 1 a failed check, 2 bad input or an error. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(new Seedfleet(), out, err, args);
    }

    /** Runs {@code root} (the seedfleet command, or one of its commands set up by a test) with the same error handling. */
    static int run(Object root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: ") + describe(e));
            if (Boolean.getBoolean("seedfleet.debug")) e.printStackTrace(commandLine.getErr());
            return 2;
        });
        return cli.execute(args);
    }

    static String describe(Throwable e) {
        if (e instanceof PlanningException p) return p.getMessage();
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " already exists; it is left as it is";
        if (e instanceof SQLException s) {
            return "database: " + s.getMessage() + (s.getSQLState() == null ? "" : " (SQLSTATE " + s.getSQLState() + ")");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getCause() != null && e.getCause() != e && !message.contains(String.valueOf(e.getCause().getMessage()))
                ? message + ": " + describe(e.getCause()) : message;
    }
}

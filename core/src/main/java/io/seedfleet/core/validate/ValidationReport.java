package io.seedfleet.core.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reading a validator's results. The summary names checks and counts only, never example values
 * (key values such as e-mail addresses may be personal data), so it is safe to log.
 */
public final class ValidationReport {
    private ValidationReport() {}

    /** Whether every check passed (true for no checks). */
    public static boolean passed(List<CheckResult> checks) {
        return checks.stream().allMatch(CheckResult::passed);
    }

    /**
     * One line per failing check, such as {@code FAILED unique on public.user (user_email_key): 3 violations},
     * then {@code N checks, N passed, N failed}.
     */
    public static String summary(List<CheckResult> checks) {
        StringBuilder sb = new StringBuilder();
        long failed = 0;
        for (CheckResult check : checks) {
            if (check.passed()) continue;
            failed++;
            sb.append("FAILED ").append(check.name()).append(" on ").append(check.table());
            if (check.constraint() != null) sb.append(" (").append(check.constraint()).append(')');
            else if (PostgresValidator.NOT_NULL.equals(check.name()) && !check.examples().isEmpty()) {
                sb.append(" (").append(check.examples().get(0)).append(')'); // the column, never a value
            }
            sb.append(": ");
            if (check.violations() < 0) sb.append("could not run");
            else sb.append(check.violations()).append(check.violations() == 1 ? " violation" : " violations");
            sb.append('\n');
        }
        sb.append(checks.size()).append(" checks, ").append(checks.size() - failed).append(" passed, ")
                .append(failed).append(" failed");
        return sb.toString();
    }

    /** The verdict as JSON: passed, counts, and every check with its violations and example keys. */
    public static String json(String target, List<CheckResult> results, long durationMs) {
        ObjectNode root = Events.JSON.createObjectNode();
        root.put("target", target);
        root.put("passed", passed(results));
        root.put("checks", results.size());
        root.put("failed", results.stream().filter(r -> !r.passed()).count());
        root.put("durationMs", durationMs);
        root.set("results", Events.JSON.valueToTree(results));
        try {
            return Events.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The verdict as JUnit XML, one test case per check (class = table, name = check and constraint),
     * so CI systems show failing checks natively.
     */
    public static String junitXml(List<CheckResult> results, long durationMs) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "seedfleet-validation");
            xml.writeAttribute("tests", String.valueOf(results.size()));
            xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", String.valueOf(durationMs / 1000.0));
            for (CheckResult r : results) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", r.table());
                xml.writeAttribute("name", r.name() + (r.constraint() == null ? "" : " " + r.constraint())
                        + (r.constraint() == null && !r.examples().isEmpty() ? " " + r.examples().get(0) : ""));
                xml.writeAttribute("time", "0");
                if (!r.passed()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", r.violations() < 0 ? "check could not run" : r.violations() + " violations");
                    xml.writeCharacters(String.join("\n", r.examples()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}

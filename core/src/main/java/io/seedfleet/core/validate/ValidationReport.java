package io.seedfleet.core.validate;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import java.util.List;

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
}

package io.seedfleet.core.negative;

/** How a negative row breaks its table's rules: the column, the rule, and the invalid value (null for NULL). */
public record Violation(String column, String rule, String value) {
    public String describe() {
        return rule + " on " + column;
    }
}

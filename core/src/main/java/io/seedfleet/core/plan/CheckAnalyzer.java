package io.seedfleet.core.plan;

import io.seedfleet.core.plan.ColumnDomain.Bound;
import io.seedfleet.core.plan.ColumnDomain.Op;
import io.seedfleet.core.plan.ColumnDomain.Relation;
import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Partitioning;
import io.seedfleet.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

/**
 * Turns a table's CHECK constraints into per-column {@link ColumnDomain}s the generators satisfy by
 * construction. Handles comparisons with constants, BETWEEN, IN and {@code = ANY (ARRAY[...])},
 * comparisons between two columns, {@code char_length}/{@code length} bounds, IS [NOT] NULL, AND,
 * and {@code col IS NULL OR ...}. Anything else is left {@code unsolved}, for generate-and-check.
 */
public final class CheckAnalyzer {

    /** The result: a domain per constrained column, and the constraints that could not be read. */
    /** {@code unsolved}: CHECKs not captured as domains, to be satisfied by generate-and-check. */
    public record Result(Map<String, ColumnDomain> domains, List<CheckConstraint> unsolved) {
        public ColumnDomain domain(String column) {
            return domains.getOrDefault(column, new ColumnDomain());
        }
    }

    private final Map<String, ColumnDomain> domains = new LinkedHashMap<>();
    private final List<CheckConstraint> unsolved = new ArrayList<>();

    private CheckAnalyzer() {}

    public static Result analyze(Table table) {
        CheckAnalyzer analyzer = new CheckAnalyzer();
        for (CheckConstraint check : table.checks()) analyzer.add(check);
        analyzer.partitionKey(table.partitioning());
        return new Result(analyzer.domains, analyzer.unsolved);
    }

    private static final Pattern RANGE_BOUND = Pattern.compile("(?is)FOR VALUES FROM \\((.*)\\) TO \\((.*)\\)");
    private static final Pattern LIST_BOUND = Pattern.compile("(?is)FOR VALUES IN \\((.*)\\)");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'|(-?[0-9]+(?:\\.[0-9]+)?)|(MINVALUE|MAXVALUE)");

    /**
     * A row whose partition key fits no partition is rejected, so a single-column RANGE or LIST key
     * (without a DEFAULT partition to catch the rest) is a domain like a CHECK: the union of the
     * partitions' ranges, or of their value lists.
     */
    private void partitionKey(Partitioning partitioning) {
        if (partitioning == null || partitioning.hasDefault() || partitioning.columns().size() != 1) return;
        String column = partitioning.columns().get(0);
        List<ColumnDomain.Range> ranges = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String bound : partitioning.bounds()) {
            Matcher range = RANGE_BOUND.matcher(bound.trim());
            Matcher list = LIST_BOUND.matcher(bound.trim());
            if (range.matches()) {
                ranges.add(new ColumnDomain.Range(firstLiteral(range.group(1)), firstLiteral(range.group(2))));
            } else if (list.matches()) {
                Matcher m = LITERAL.matcher(list.group(1));
                while (m.find()) values.add(m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2));
            }
        }
        if (partitioning.strategy().equals("RANGE") && !ranges.isEmpty()) domain(column).withinRanges(ranges);
        if (partitioning.strategy().equals("LIST") && !values.isEmpty()) domain(column).restrictTo(values);
    }

    /** The literal of a one-column bound; null for MINVALUE and MAXVALUE. */
    private static String firstLiteral(String bound) {
        Matcher m = LITERAL.matcher(bound);
        if (!m.find() || m.group(3) != null) return null;
        return m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2);
    }

    private void add(CheckConstraint check) {
        try {
            Expression e = CCJSqlParserUtil.parseCondExpression(CheckEvaluator.normaliseOperators(check.expression()), false);
            if (!conjunct(e)) unsolved.add(check);
        } catch (JSQLParserException | RuntimeException e) {
            unsolved.add(check);
        }
    }

    /** Applies one conjunct of a CHECK; false when its form is not understood. */
    private boolean conjunct(Expression e) {
        e = unwrap(e);
        if (e instanceof AndExpression and) return conjunct(and.getLeftExpression()) & conjunct(and.getRightExpression());
        if (e instanceof OrExpression or) return disjunction(or);
        if (e instanceof IsNullExpression isNull) {
            Optional<String> column = column(isNull.getLeftExpression());
            if (column.isEmpty()) return false;
            if (!isNull.isNot()) domain(column.get()).mustBeNull = true;
            return true;
        }
        if (e instanceof NotExpression not && unwrap(not.getExpression()) instanceof IsNullExpression isNull && !isNull.isNot()) {
            return column(isNull.getLeftExpression()).isPresent();
        }
        if (e instanceof Between between) return between(between);
        if (e instanceof InExpression in) return in(in);
        if (e instanceof EqualsTo eq && unwrap(eq.getRightExpression()) instanceof Function any
                && any.getName().equalsIgnoreCase("ANY") && any.getParameters() != null && any.getParameters().size() == 1) {
            return anyArray(eq.getLeftExpression(), (Expression) any.getParameters().get(0));
        }
        if (e instanceof ComparisonOperator cmp) return comparison(cmp);
        return false;
    }

    /** {@code col IS NULL OR <conditions on col>}, or an OR of equalities on one column. */
    private boolean disjunction(OrExpression or) {
        List<Expression> parts = new ArrayList<>();
        flattenOr(or, parts);
        String column = null;
        List<String> values = new ArrayList<>();
        Expression rest = null;
        for (Expression part : parts) {
            part = unwrap(part);
            if (part instanceof IsNullExpression isNull && !isNull.isNot() && column(isNull.getLeftExpression()).isPresent()) {
                continue;
            }
            if (part instanceof EqualsTo eq && column(eq.getLeftExpression()).isPresent() && literal(eq.getRightExpression()).isPresent()) {
                String c = column(eq.getLeftExpression()).get();
                if (column != null && !column.equals(c)) return false;
                column = c;
                values.add(literal(eq.getRightExpression()).get());
                continue;
            }
            if (rest != null) return false;
            rest = part;
        }
        if (rest != null && !values.isEmpty()) return false;
        if (rest != null) return conjunct(rest);
        if (column != null) domain(column).restrictTo(values);
        return true;
    }

    private static void flattenOr(Expression e, List<Expression> into) {
        e = unwrap(e);
        if (e instanceof OrExpression or) {
            flattenOr(or.getLeftExpression(), into);
            flattenOr(or.getRightExpression(), into);
        } else {
            into.add(e);
        }
    }

    private boolean between(Between between) {
        if (between.isNot()) return false;
        Optional<String> lo = literal(between.getBetweenExpressionStart());
        Optional<String> hi = literal(between.getBetweenExpressionEnd());
        if (lo.isEmpty() || hi.isEmpty()) return false;
        Optional<String> length = lengthOf(between.getLeftExpression());
        if (length.isPresent()) {
            domain(length.get()).minLength(Integer.parseInt(lo.get()));
            domain(length.get()).maxLength(Integer.parseInt(hi.get()));
            return true;
        }
        Optional<String> column = column(between.getLeftExpression());
        if (column.isEmpty()) return false;
        domain(column.get()).tightenLower(new Bound(lo.get(), false));
        domain(column.get()).tightenUpper(new Bound(hi.get(), false));
        return true;
    }

    private boolean in(InExpression in) {
        if (in.isNot()) return false;
        Optional<String> column = column(in.getLeftExpression());
        if (column.isEmpty() || !(in.getRightExpression() instanceof ExpressionList<?> list)) return false;
        List<String> values = literals(list);
        if (values == null) return false;
        domain(column.get()).restrictTo(values);
        return true;
    }

    /** PostgreSQL stores {@code IN} lists as {@code col = ANY (ARRAY[...])}, which JSqlParser reads as a function. */
    private boolean anyArray(Expression left, Expression arrayArgument) {
        Optional<String> column = column(left);
        Expression array = unwrap(arrayArgument);
        if (column.isEmpty() || !(array instanceof ArrayConstructor constructor)) return false;
        List<String> values = literals(constructor.getExpressions());
        if (values == null) return false;
        domain(column.get()).restrictTo(values);
        return true;
    }

    private boolean comparison(ComparisonOperator cmp) {
        Op op = op(cmp);
        Expression left = cmp.getLeftExpression();
        Expression right = cmp.getRightExpression();
        if (cmp instanceof EqualsTo) {
            Optional<String> column = column(left);
            Optional<String> value = literal(right);
            if (column.isPresent() && value.isPresent()) {
                domain(column.get()).restrictTo(List.of(value.get()));
                return true;
            }
            return false;
        }
        if (op == null) return false;
        if (literal(left).isPresent() && literal(right).isEmpty()) {
            return comparison(flip(op), right, left);
        }
        return comparison(op, left, right);
    }

    private boolean comparison(Op op, Expression left, Expression right) {
        Optional<String> length = lengthOf(left);
        Optional<String> value = literal(right);
        if (length.isPresent() && value.isPresent()) {
            int n = Integer.parseInt(value.get());
            switch (op) {
                case GT -> domain(length.get()).minLength(n + 1);
                case GE -> domain(length.get()).minLength(n);
                case LT -> domain(length.get()).maxLength(n - 1);
                case LE -> domain(length.get()).maxLength(n);
            }
            return true;
        }
        Optional<String> column = column(left);
        if (column.isEmpty()) return false;
        if (value.isPresent()) {
            ColumnDomain d = domain(column.get());
            switch (op) {
                case GT -> d.tightenLower(new Bound(value.get(), true));
                case GE -> d.tightenLower(new Bound(value.get(), false));
                case LT -> d.tightenUpper(new Bound(value.get(), true));
                case LE -> d.tightenUpper(new Bound(value.get(), false));
            }
            return true;
        }
        Optional<String> other = column(right);
        if (other.isEmpty()) return false;
        // Keep one direction only: the later column is derived from the earlier one.
        switch (op) {
            case GT, GE -> domain(column.get()).relations.add(new Relation(op, other.get()));
            case LT, LE -> domain(other.get()).relations.add(new Relation(flip(op), column.get()));
        }
        return true;
    }

    private static Op op(ComparisonOperator cmp) {
        if (cmp instanceof GreaterThan) return Op.GT;
        if (cmp instanceof GreaterThanEquals) return Op.GE;
        if (cmp instanceof MinorThan) return Op.LT;
        if (cmp instanceof MinorThanEquals) return Op.LE;
        return null;
    }

    private static Op flip(Op op) {
        return switch (op) {
            case GT -> Op.LT;
            case GE -> Op.LE;
            case LT -> Op.GT;
            case LE -> Op.GE;
        };
    }

    private ColumnDomain domain(String column) {
        return domains.computeIfAbsent(column, c -> new ColumnDomain());
    }

    private static List<String> literals(ExpressionList<?> list) {
        List<String> values = new ArrayList<>();
        for (Expression item : list) {
            Optional<String> v = literal(item);
            if (v.isEmpty()) return null;
            values.add(v.get());
        }
        return values;
    }

    /** A column reference, looking through casts and parentheses. */
    static Optional<String> column(Expression e) {
        e = unwrap(e);
        if (e instanceof Column c) return Optional.of(unquote(c.getColumnName()));
        return Optional.empty();
    }

    /** {@code char_length(col)} / {@code length(col)} / {@code character_length(col)}. */
    private static Optional<String> lengthOf(Expression e) {
        e = unwrap(e);
        if (e instanceof Function f && f.getParameters() != null && f.getParameters().size() == 1) {
            String name = f.getName().toLowerCase();
            if (name.equals("char_length") || name.equals("length") || name.equals("character_length")) {
                return column((Expression) f.getParameters().get(0));
            }
        }
        return Optional.empty();
    }

    /** A constant as text: numbers, strings, dates and timestamps, looking through casts and signs. */
    static Optional<String> literal(Expression e) {
        e = unwrap(e);
        if (e instanceof LongValue v) return Optional.of(v.getStringValue());
        if (e instanceof DoubleValue v) return Optional.of(String.valueOf(v.getValue()));
        if (e instanceof StringValue v) return Optional.of(v.getValue().replace("''", "'"));
        if (e instanceof DateValue v) return Optional.of(v.getValue().toString());
        if (e instanceof TimestampValue v) return Optional.of(v.getValue().toString());
        if (e instanceof SignedExpression s && s.getSign() == '-') {
            return literal(s.getExpression()).map(x -> x.startsWith("-") ? x.substring(1) : "-" + x);
        }
        return Optional.empty();
    }

    private static Expression unwrap(Expression e) {
        while (true) {
            if (e instanceof Parenthesis p) {
                e = p.getExpression();
            } else if (e instanceof CastExpression c) {
                e = c.getLeftExpression();
            } else if (e instanceof ExpressionList<?> list && list.size() == 1 && !(e instanceof net.sf.jsqlparser.expression.RowConstructor<?>)) {
                e = list.get(0);
            } else {
                return e;
            }
        }
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }
}

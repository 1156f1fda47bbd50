package io.seedfleet.core.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperatorType;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

/**
 * Evaluates a CHECK expression on one row's values, with SQL's three-valued logic: the CHECK holds
 * unless the expression is FALSE (NULL passes, as in PostgreSQL). Values are BigDecimal, String,
 * Boolean, LocalDate, LocalDateTime or Instant (timestamptz), or null. Covers comparisons,
 * arithmetic, AND/OR/NOT, IN, BETWEEN, LIKE/ILIKE, POSIX regular expressions, IS [NOT] NULL,
 * IS [NOT] DISTINCT FROM, CASE, casts and the common string and null functions; anything else is
 * reported as unsupported when the CHECK is compiled, never guessed at.
 */
public final class CheckEvaluator {

    /** A compiled CHECK: its text, the columns it reads, and a test on a row's values. */
    public record Compiled(String expression, Set<String> columns, Node node) {
        public boolean holds(Map<String, Object> row) {
            Object v = node.eval(row);
            return v == null || !Boolean.FALSE.equals(v);
        }
    }

    /** One expression node. */
    @FunctionalInterface
    public interface Node {
        Object eval(Map<String, Object> row);
    }

    /** A construct the evaluator does not handle. */
    public static final class UnsupportedCheck extends Exception {
        UnsupportedCheck(String what) {
            super(what);
        }
    }

    private final Set<String> columns = new LinkedHashSet<>();
    private final Instant now;

    private CheckEvaluator(Instant now) {
        this.now = now;
    }

    /** @param now what now() and CURRENT_DATE mean: the run's anchor, so results do not depend on the clock */
    public static Compiled compile(String expression, Instant now) throws UnsupportedCheck {
        CheckEvaluator c = new CheckEvaluator(now);
        try {
            Node node = c.node(CCJSqlParserUtil.parseCondExpression(normaliseOperators(expression), false));
            return new Compiled(expression, Set.copyOf(c.columns), node);
        } catch (JSQLParserException | RuntimeException e) {
            throw new UnsupportedCheck("cannot be parsed: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** PostgreSQL prints LIKE as ~~ and ILIKE as ~~*; JSqlParser reads the keywords. Literals are left alone. */
    static String normaliseOperators(String sql) {
        StringBuilder out = new StringBuilder();
        String[] parts = sql.split("'", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) out.append('\'');
            String p = parts[i];
            if (i % 2 == 0) {
                p = p.replace("!~~*", " NOT ILIKE ").replace("~~*", " ILIKE ").replace("!~~", " NOT LIKE ").replace("~~", " LIKE ");
            }
            out.append(p);
        }
        return out.toString();
    }

    private Node node(Expression e) throws UnsupportedCheck {
        if (e instanceof Parenthesis p) return node(p.getExpression());
        if (e instanceof ExpressionList<?> list && list.size() == 1) return node((Expression) list.get(0));
        if (e instanceof Column col) {
            String name = unquote(col.getColumnName());
            columns.add(name);
            return row -> row.get(name);
        }
        if (e instanceof NullValue) return row -> null;
        if (e instanceof StringValue s) {
            String v = s.getValue().replace("''", "'");
            return row -> v;
        }
        if (e instanceof LongValue v) {
            BigDecimal d = new BigDecimal(v.getStringValue());
            return row -> d;
        }
        if (e instanceof DoubleValue v) {
            BigDecimal d = BigDecimal.valueOf(v.getValue());
            return row -> d;
        }
        if (e instanceof BooleanValue b) {
            Boolean v = b.getValue();
            return row -> v;
        }
        if (e instanceof SignedExpression s) {
            Node inner = node(s.getExpression());
            return s.getSign() == '-' ? row -> negate(inner.eval(row)) : inner;
        }
        if (e instanceof TimeKeyExpression t) return timeKey(t.getStringValue());
        if (e instanceof CastExpression cast) return cast(node(cast.getLeftExpression()), cast.getColDataType().getDataType());
        if (e instanceof AndExpression and) return and(node(and.getLeftExpression()), node(and.getRightExpression()));
        if (e instanceof OrExpression or) return or(node(or.getLeftExpression()), node(or.getRightExpression()));
        if (e instanceof NotExpression not) {
            Node inner = node(not.getExpression());
            return row -> not(inner.eval(row));
        }
        if (e instanceof IsNullExpression isNull) {
            Node inner = node(isNull.getLeftExpression());
            return row -> (inner.eval(row) == null) != isNull.isNot();
        }
        if (e instanceof IsDistinctExpression d) {
            Node l = node(d.getLeftExpression());
            Node r = node(d.getRightExpression());
            boolean not = d.getStringExpression().toUpperCase(Locale.ROOT).contains("NOT");
            return row -> {
                Object a = l.eval(row);
                Object b = r.eval(row);
                boolean distinct = a == null || b == null ? a != b : compare(a, b) != 0;
                return distinct != not;
            };
        }
        if (e instanceof Between b) {
            Node v = node(b.getLeftExpression());
            Node lo = node(b.getBetweenExpressionStart());
            Node hi = node(b.getBetweenExpressionEnd());
            Node between = and(comparison(v, lo, c -> c >= 0), comparison(v, hi, c -> c <= 0));
            return b.isNot() ? row -> not(between.eval(row)) : between;
        }
        if (e instanceof InExpression in) return in(in);
        if (e instanceof LikeExpression like) return like(like);
        if (e instanceof RegExpMatchOperator re) return regex(re);
        if (e instanceof EqualsTo eq && eq.getRightExpression() instanceof Function f && f.getName().equalsIgnoreCase("ANY")) {
            return anyOf(node(eq.getLeftExpression()), f);
        }
        if (e instanceof EqualsTo b) return comparison(node(b.getLeftExpression()), node(b.getRightExpression()), c -> c == 0);
        if (e instanceof NotEqualsTo b) return comparison(node(b.getLeftExpression()), node(b.getRightExpression()), c -> c != 0);
        if (e instanceof GreaterThan b) return comparison(node(b.getLeftExpression()), node(b.getRightExpression()), c -> c > 0);
        if (e instanceof GreaterThanEquals b) return comparison(node(b.getLeftExpression()), node(b.getRightExpression()), c -> c >= 0);
        if (e instanceof MinorThan b) return comparison(node(b.getLeftExpression()), node(b.getRightExpression()), c -> c < 0);
        if (e instanceof MinorThanEquals b) return comparison(node(b.getLeftExpression()), node(b.getRightExpression()), c -> c <= 0);
        if (e instanceof Concat c) {
            Node l = node(c.getLeftExpression());
            Node r = node(c.getRightExpression());
            return row -> {
                Object a = l.eval(row);
                Object b = r.eval(row);
                return a == null || b == null ? null : text(a) + text(b);
            };
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Division || e instanceof Modulo) {
            return arithmetic((BinaryExpression) e);
        }
        if (e instanceof TrimFunction t) {
            Node inner = node(t.getExpression());
            return row -> {
                Object v = inner.eval(row);
                return v == null ? null : text(v).strip();
            };
        }
        if (e instanceof CaseExpression c) return caseOf(c);
        if (e instanceof Function f) return function(f);
        throw new UnsupportedCheck(e.getClass().getSimpleName() + " (" + e + ")");
    }

    private Node timeKey(String key) throws UnsupportedCheck {
        String k = key.toUpperCase(Locale.ROOT);
        if (k.equals("CURRENT_DATE")) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            return row -> today;
        }
        if (k.startsWith("CURRENT_TIMESTAMP") || k.startsWith("LOCALTIMESTAMP")) return row -> now;
        throw new UnsupportedCheck(key);
    }

    private Node cast(Node inner, String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return row -> {
            Object v = inner.eval(row);
            if (v == null) return null;
            if (t.startsWith("date")) return v instanceof String s ? LocalDate.parse(s.strip().substring(0, 10)) : v;
            if (t.startsWith("timestamp") && v instanceof String s) return parseTimestamp(s, t.contains("with time zone") || t.equals("timestamptz"));
            if (t.startsWith("int") || t.startsWith("bigint") || t.startsWith("smallint") || t.startsWith("numeric") || t.startsWith("decimal")
                    || t.startsWith("real") || t.startsWith("double") || t.startsWith("float")) {
                return v instanceof String s ? new BigDecimal(s.strip()) : v;
            }
            if (t.startsWith("bool") && v instanceof String s) return s.strip().equalsIgnoreCase("t") || s.strip().equalsIgnoreCase("true");
            if (t.startsWith("text") || t.startsWith("character") || t.startsWith("varchar") || t.startsWith("bpchar") || t.startsWith("char")) {
                return v instanceof String ? v : text(v);
            }
            return v; // enum types, domains, regclass...: the value as it is
        };
    }

    private Node in(InExpression in) throws UnsupportedCheck {
        Node left = node(in.getLeftExpression());
        if (!(in.getRightExpression() instanceof ExpressionList<?> list)) throw new UnsupportedCheck("IN (subquery)");
        List<Node> items = new ArrayList<>();
        for (Object item : list) items.add(node((Expression) item));
        boolean not = in.isNot();
        return row -> {
            Object v = left.eval(row);
            if (v == null) return null;
            boolean sawNull = false;
            for (Node item : items) {
                Object x = item.eval(row);
                if (x == null) sawNull = true;
                else if (compare(v, x) == 0) return !not;
            }
            return sawNull ? null : not;
        };
    }

    private Node anyOf(Node left, Function any) throws UnsupportedCheck {
        Expression arg = (Expression) any.getParameters().get(0);
        while (arg instanceof CastExpression c) arg = c.getLeftExpression();
        while (arg instanceof Parenthesis p) arg = p.getExpression();
        while (arg instanceof ExpressionList<?> l && l.size() == 1) arg = (Expression) l.get(0);
        while (arg instanceof CastExpression c) arg = c.getLeftExpression();
        if (!(arg instanceof net.sf.jsqlparser.expression.ArrayConstructor array)) throw new UnsupportedCheck("ANY (" + arg + ")");
        List<Node> items = new ArrayList<>();
        for (Object item : array.getExpressions()) items.add(node((Expression) item));
        return row -> {
            Object v = left.eval(row);
            if (v == null) return null;
            for (Node item : items) {
                Object x = item.eval(row);
                if (x != null && compare(v, x) == 0) return true;
            }
            return false;
        };
    }

    private Node like(LikeExpression like) throws UnsupportedCheck {
        if (like.getEscape() != null) throw new UnsupportedCheck("LIKE ... ESCAPE");
        LikeExpression.KeyWord keyWord = like.getLikeKeyWord();
        boolean similar = keyWord == LikeExpression.KeyWord.SIMILAR_TO;
        if (keyWord != LikeExpression.KeyWord.LIKE && keyWord != LikeExpression.KeyWord.ILIKE && !similar) throw new UnsupportedCheck(keyWord.name());
        Node left = node(like.getLeftExpression());
        Node pattern = node(like.getRightExpression());
        int flags = keyWord == LikeExpression.KeyWord.ILIKE || like.isCaseInsensitive() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        boolean not = like.isNot();
        return row -> {
            Object v = left.eval(row);
            Object p = pattern.eval(row);
            if (v == null || p == null) return null;
            boolean matches = Pattern.compile(similar ? similarToRegex(text(p)) : likeToRegex(text(p)), flags | Pattern.DOTALL).matcher(text(v)).matches();
            return matches != not;
        };
    }

    private Node regex(RegExpMatchOperator re) throws UnsupportedCheck {
        Node left = node(re.getLeftExpression());
        Node pattern = node(re.getRightExpression());
        RegExpMatchOperatorType type = re.getOperatorType();
        boolean insensitive = type == RegExpMatchOperatorType.MATCH_CASEINSENSITIVE || type == RegExpMatchOperatorType.NOT_MATCH_CASEINSENSITIVE;
        boolean not = type == RegExpMatchOperatorType.NOT_MATCH_CASESENSITIVE || type == RegExpMatchOperatorType.NOT_MATCH_CASEINSENSITIVE;
        return row -> {
            Object v = left.eval(row);
            Object p = pattern.eval(row);
            if (v == null || p == null) return null;
            // POSIX classes such as [[:alpha:]] become Java's \p{Alpha}; the rest of the common syntax is shared.
            String javaRegex = text(p).replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\d").replace("[:alnum:]", "\\p{Alnum}")
                    .replace("[:space:]", "\\s").replace("[:upper:]", "\\p{Upper}").replace("[:lower:]", "\\p{Lower}");
            boolean found = Pattern.compile(javaRegex, insensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0).matcher(text(v)).find();
            return found != not;
        };
    }

    private Node arithmetic(BinaryExpression e) throws UnsupportedCheck {
        Node l = node(e.getLeftExpression());
        Node r = node(e.getRightExpression());
        return row -> {
            Object a = l.eval(row);
            Object b = r.eval(row);
            if (a == null || b == null) return null;
            if (!(a instanceof BigDecimal x) || !(b instanceof BigDecimal y)) throw new IllegalStateException("arithmetic on non-numbers");
            BigDecimal result;
            if (e instanceof Addition) result = x.add(y);
            else if (e instanceof Subtraction) result = x.subtract(y);
            else if (e instanceof Multiplication) result = x.multiply(y);
            else if (y.signum() == 0) throw new ArithmeticException("division by zero"); // an error in PostgreSQL too
            else if (e instanceof Division) result = x.divide(y, 12, RoundingMode.HALF_EVEN);
            else result = x.remainder(y);
            // Two integers that fit in int4 are added as int4 by PostgreSQL, which raises an error on
            // overflow rather than passing or failing the CHECK: such a row must be drawn again.
            if (fitsInt4(x) && fitsInt4(y) && !fitsInt4(result) && x.scale() <= 0 && y.scale() <= 0) {
                throw new ArithmeticException("integer out of range");
            }
            return result;
        };
    }

    private Node caseOf(CaseExpression c) throws UnsupportedCheck {
        Node subject = c.getSwitchExpression() == null ? null : node(c.getSwitchExpression());
        List<Node[]> whens = new ArrayList<>();
        for (WhenClause w : c.getWhenClauses()) whens.add(new Node[] {node(w.getWhenExpression()), node(w.getThenExpression())});
        Node otherwise = c.getElseExpression() == null ? row -> null : node(c.getElseExpression());
        return row -> {
            Object s = subject == null ? null : subject.eval(row);
            for (Node[] w : whens) {
                Object cond = w[0].eval(row);
                boolean hit = subject == null ? Boolean.TRUE.equals(cond) : s != null && cond != null && compare(s, cond) == 0;
                if (hit) return w[1].eval(row);
            }
            return otherwise.eval(row);
        };
    }

    private Node function(Function f) throws UnsupportedCheck {
        String name = f.getName().toLowerCase(Locale.ROOT);
        List<Node> args = new ArrayList<>();
        if (f.getParameters() != null) for (Object p : f.getParameters()) args.add(node((Expression) p));
        switch (name) {
            case "now", "current_timestamp", "clock_timestamp", "transaction_timestamp", "statement_timestamp":
                return row -> now;
            case "lower", "upper", "btrim", "ltrim", "rtrim", "length", "char_length", "character_length", "octet_length", "abs":
                if (args.size() != 1) throw new UnsupportedCheck(name + " with " + args.size() + " arguments");
                Node arg = args.get(0);
                return row -> {
                    Object v = arg.eval(row);
                    if (v == null) return null;
                    return switch (name) {
                        case "lower" -> text(v).toLowerCase(Locale.ROOT);
                        case "upper" -> text(v).toUpperCase(Locale.ROOT);
                        case "btrim" -> text(v).strip();
                        case "ltrim" -> text(v).stripLeading();
                        case "rtrim" -> text(v).stripTrailing();
                        case "octet_length" -> BigDecimal.valueOf(text(v).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                        case "abs" -> ((BigDecimal) v).abs();
                        default -> BigDecimal.valueOf(text(v).codePointCount(0, text(v).length()));
                    };
                };
            case "coalesce":
                return row -> {
                    for (Node a : args) {
                        Object v = a.eval(row);
                        if (v != null) return v;
                    }
                    return null;
                };
            case "nullif":
                return row -> {
                    Object a = args.get(0).eval(row);
                    Object b = args.get(1).eval(row);
                    return a != null && b != null && compare(a, b) == 0 ? null : a;
                };
            case "num_nonnulls", "num_nulls":
                return row -> {
                    int n = 0;
                    for (Node a : args) if (a.eval(row) == null) n++;
                    return BigDecimal.valueOf(name.equals("num_nulls") ? n : args.size() - n);
                };
            default:
                throw new UnsupportedCheck("function " + f.getName());
        }
    }

    // ---- values ----------------------------------------------------------------------------------

    private static Node and(Node l, Node r) {
        return row -> {
            Object a = l.eval(row);
            if (Boolean.FALSE.equals(a)) return false;
            Object b = r.eval(row);
            if (Boolean.FALSE.equals(b)) return false;
            return a == null || b == null ? null : true;
        };
    }

    private static Node or(Node l, Node r) {
        return row -> {
            Object a = l.eval(row);
            if (Boolean.TRUE.equals(a)) return true;
            Object b = r.eval(row);
            if (Boolean.TRUE.equals(b)) return true;
            return a == null || b == null ? null : false;
        };
    }

    private static boolean fitsInt4(BigDecimal v) {
        return v.compareTo(INT4_MIN) >= 0 && v.compareTo(INT4_MAX) <= 0;
    }

    private static final BigDecimal INT4_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT4_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private static Object not(Object v) {
        return v == null ? null : !(Boolean) v;
    }

    private interface Test {
        boolean of(int comparison);
    }

    private static Node comparison(Node l, Node r, Test test) {
        return row -> {
            Object a = l.eval(row);
            Object b = r.eval(row);
            return a == null || b == null ? null : test.of(compare(a, b));
        };
    }

    /** Compares values the way PostgreSQL would after casting the literal side to the column's type. */
    static int compare(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y);
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        if (isTemporal(a) || isTemporal(b)) return Long.compare(micros(a), micros(b));
        if (a instanceof BigDecimal x && b instanceof String s) return x.compareTo(new BigDecimal(s.strip()));
        if (a instanceof String s && b instanceof BigDecimal y) return new BigDecimal(s.strip()).compareTo(y);
        if (a instanceof Boolean || b instanceof Boolean) return Boolean.compare(bool(a), bool(b));
        return text(a).compareTo(text(b));
    }

    private static boolean isTemporal(Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof Instant;
    }

    private static long micros(Object v) {
        if (v instanceof LocalDate d) return d.toEpochDay() * 86_400_000_000L;
        if (v instanceof LocalDateTime t) return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
        if (v instanceof Instant i) return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
        Object parsed = parseTimestamp(text(v), true);
        return micros(parsed);
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : text(v).equalsIgnoreCase("t") || text(v).equalsIgnoreCase("true");
    }

    /** A timestamp as {@link #compile}d checks expect it: an Instant when zoned, a LocalDateTime otherwise. */
    public static Object parseTimestampValue(String s, boolean zoned) {
        return parseTimestamp(s, zoned);
    }

    static Object parseTimestamp(String s, boolean zoned) {
        String t = s.strip().replace(' ', 'T');
        if (t.length() == 10) return LocalDate.parse(t).atStartOfDay();
        if (t.matches(".*[+-]\\d\\d$")) t = t + ":00";
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException notZoned) {
            LocalDateTime local = LocalDateTime.parse(t);
            return zoned ? local.toInstant(ZoneOffset.UTC) : local;
        }
    }

    private static Object negate(Object v) {
        return v == null ? null : ((BigDecimal) v).negate();
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof Boolean b) return b ? "true" : "false";
        return String.valueOf(v);
    }

    static String likeToRegex(String like) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            else if (c == '%') re.append(".*");
            else if (c == '_') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return re.toString();
    }

    private static String similarToRegex(String similar) {
        return similar.replace("%", ".*").replace("_", ".");
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }
}

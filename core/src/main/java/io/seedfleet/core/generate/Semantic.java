package io.seedfleet.core.generate;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a column means, inferred from its name, its table and its type: which realistic values it
 * should hold. Tokens are the column name split on underscores and camel case.
 */
public enum Semantic {
    EMAIL, FIRST_NAME, LAST_NAME, FULL_NAME, USERNAME, PHONE,
    CITY, REGION, COUNTRY_CODE, STREET_ADDRESS, POSTCODE,
    COMPANY, JOB_TITLE, PRODUCT, TITLE, DESCRIPTION, WORD, URL, SLUG, TOKEN, REFERENCE_NUMBER,
    CURRENCY, TIMEZONE, LOCALE, LANGUAGE, COLOR, IP_ADDRESS, USER_AGENT, MIME_TYPE, FILE_NAME,
    IBAN, CREDIT_CARD, MAC_ADDRESS, VAT_NUMBER, PASSPORT, NATIONAL_ID, VERSION, SKU, CATEGORY, STATUS,
    DOMAIN_NAME, GENDER, DEPARTMENT, INDUSTRY, UUID_TEXT,
    AMOUNT, QUANTITY, PERCENT, AGE, RATING, COUNT, YEAR, LATITUDE, LONGITUDE,
    CREATED_AT, UPDATED_AT, DELETED_AT, BIRTH_DATE, START_AT, END_AT, EXPIRES_AT, FUTURE_EVENT, PAST_EVENT,
    GENERIC;

    public static Semantic classify(Table table, Column column) {
        String name = column.name();
        List<String> t = tokens(name);
        TypeKind kind = column.type().kind();
        String table1 = singular(table.name().name().toLowerCase(Locale.ROOT));
        Semantic declared = fromFormatHint(column.comment());
        if (declared != null && kind.isText()) return declared;
        if (kind.isTemporal()) return temporal(t, kind);
        if (kind == TypeKind.INET || kind == TypeKind.CIDR) return IP_ADDRESS;
        if (kind.isNumeric()) return numeric(t);
        if (!kind.isText()) return GENERIC;

        if (has(t, "email", "mail")) return EMAIL;
        if (has(t, "iban")) return IBAN;
        if (has(t, "card", "credit") && has(t, "number", "no", "num", "pan") || has(t, "pan", "creditcard", "cc")) return CREDIT_CARD;
        if (has(t, "mac")) return MAC_ADDRESS;
        if (has(t, "vat", "taxid") || has(t, "tax") && has(t, "id", "number")) return VAT_NUMBER;
        if (has(t, "passport")) return PASSPORT;
        if (has(t, "ssn", "nin", "sin", "aadhaar") || has(t, "national") && has(t, "id", "number")) return NATIONAL_ID;
        if (has(t, "uuid", "guid")) return UUID_TEXT;
        if (has(t, "version", "semver")) return VERSION;
        if (has(t, "sku")) return SKU;
        if (has(t, "gender", "sex")) return GENDER;
        if (has(t, "department", "dept")) return DEPARTMENT;
        if (has(t, "industry", "sector")) return INDUSTRY;
        if (has(t, "domain", "hostname", "host")) return DOMAIN_NAME;
        if (has(t, "first", "given", "forename") && has(t, "name") || has(t, "firstname", "givenname")) return FIRST_NAME;
        if (has(t, "last", "family", "sur") && has(t, "name") || has(t, "lastname", "surname", "familyname")) return LAST_NAME;
        if (has(t, "full", "display", "contact", "author", "customer") && has(t, "name") || has(t, "fullname", "displayname")) return FULL_NAME;
        if (has(t, "username", "login", "handle", "nickname") || has(t, "user") && has(t, "name")) return USERNAME;
        if (has(t, "phone", "mobile", "fax", "telephone", "tel", "msisdn")) return PHONE;
        if (has(t, "city", "town")) return CITY;
        if (has(t, "state", "region", "province", "county") && !has(t, "status")) return REGION;
        if (has(t, "country")) return COUNTRY_CODE;
        if (has(t, "street", "address", "addr") && !has(t, "ip", "mac")) return STREET_ADDRESS;
        if (has(t, "zip", "postcode", "postal", "zipcode")) return POSTCODE;
        if (has(t, "ip")) return IP_ADDRESS;
        if (has(t, "company", "organization", "organisation", "employer", "vendor", "supplier")) return COMPANY;
        if (has(t, "job", "occupation", "position")) return JOB_TITLE;
        if (has(t, "url", "uri", "website", "link", "homepage", "avatar", "image", "photo", "logo", "endpoint")) return URL;
        if (has(t, "slug")) return SLUG;
        if (has(t, "token", "secret", "hash", "prefix", "key", "nonce", "salt", "fingerprint", "signature")) return TOKEN;
        if (has(t, "number", "no", "reference", "ref", "code", "sku", "serial") && !has(t, "phone")) return REFERENCE_NUMBER;
        if (has(t, "currency")) return CURRENCY;
        if (has(t, "timezone", "tz", "zone")) return TIMEZONE;
        if (has(t, "locale")) return LOCALE;
        if (has(t, "language", "lang")) return LANGUAGE;
        if (has(t, "color", "colour")) return COLOR;
        if (has(t, "agent") || has(t, "useragent")) return USER_AGENT;
        if (has(t, "mime", "content") && has(t, "type") || has(t, "mimetype")) return MIME_TYPE;
        if (has(t, "file", "filename", "path")) return FILE_NAME;
        if (has(t, "status", "state") && !has(t, "region")) return STATUS;
        if (has(t, "category", "genre", "kind", "tag", "topic")) return CATEGORY;
        if (has(t, "title", "subject", "headline", "summary")) return TITLE;
        if (has(t, "description", "bio", "body", "content", "comment", "message", "note", "notes", "text", "details", "about")) return DESCRIPTION;
        if (has(t, "name")) {
            if (Set.of("organization", "organisation", "company", "tenant", "account", "customer", "vendor", "supplier").contains(table1)) return COMPANY;
            if (Set.of("user", "person", "member", "employee", "contact", "author", "customer", "staff", "actor", "artist").contains(table1)) return FULL_NAME;
            if (Set.of("product", "item", "project", "plan", "app", "application").contains(table1)) return PRODUCT;
            if (Set.of("city", "town").contains(table1)) return CITY;
            if (Set.of("country").contains(table1)) return COUNTRY_CODE;
            return WORD;
        }
        return GENERIC;
    }

    /**
     * Sources that know a text column's format (a JSON Schema {@code format}) say so in the column's
     * comment as {@value #FORMAT_HINT}{@code <format>}: the name alone may not tell (a {@code canonical}
     * property that must be a URI).
     */
    public static final String FORMAT_HINT = "format: ";

    private static Semantic fromFormatHint(String comment) {
        if (comment == null || !comment.startsWith(FORMAT_HINT)) return null;
        return switch (comment.substring(FORMAT_HINT.length()).trim()) {
            case "email", "idn-email" -> EMAIL;
            case "uri", "iri", "uri-reference", "iri-reference", "url" -> URL;
            case "hostname", "idn-hostname" -> DOMAIN_NAME;
            case "uuid" -> UUID_TEXT;
            case "ipv4" -> IP_ADDRESS;
            default -> null;
        };
    }

    private static Semantic temporal(List<String> t, TypeKind kind) {
        if (has(t, "birth", "birthday", "dob", "born")) return BIRTH_DATE;
        if (has(t, "created", "inserted", "registered", "joined", "signup", "creation")) return CREATED_AT;
        if (has(t, "updated", "modified", "changed", "edited")) return UPDATED_AT;
        if (has(t, "deleted", "removed", "archived", "cancelled", "canceled", "revoked", "disabled")) return DELETED_AT;
        if (has(t, "expires", "expiry", "expiration", "expire", "due", "renews", "renewal", "scheduled", "next")) return EXPIRES_AT;
        if (has(t, "start", "starts", "begin", "begins", "from", "issue", "issued", "opened")) return START_AT;
        if (has(t, "end", "ends", "until", "to", "finish", "finished", "completed", "closed", "resolved", "paid", "accepted")) return END_AT;
        if (has(t, "last", "seen", "login", "sent", "read", "occurred", "at", "time", "date", "timestamp")) return PAST_EVENT;
        return PAST_EVENT;
    }

    private static Semantic numeric(List<String> t) {
        if (has(t, "amount", "price", "cost", "total", "subtotal", "tax", "fee", "balance", "salary", "cents", "revenue", "payment", "charge", "credit", "debit")) return AMOUNT;
        if (has(t, "quantity", "qty", "units")) return QUANTITY;
        if (has(t, "percent", "percentage", "pct", "ratio", "rate", "discount")) return PERCENT;
        if (has(t, "age")) return AGE;
        if (has(t, "rating", "stars", "score", "priority", "level", "rank")) return RATING;
        if (has(t, "count", "total", "seats", "attempts", "retries", "views", "size", "length", "duration", "minutes", "seconds")) return COUNT;
        if (has(t, "year")) return YEAR;
        if (has(t, "lat", "latitude")) return LATITUDE;
        if (has(t, "lng", "lon", "long", "longitude")) return LONGITUDE;
        return GENERIC;
    }

    static List<String> tokens(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return Arrays.stream(spaced.split("[^a-z0-9]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean has(List<String> tokens, String... any) {
        for (String a : any) if (tokens.contains(a)) return true;
        return false;
    }

    private static String singular(String tableName) {
        List<String> t = tokens(tableName);
        String last = t.isEmpty() ? tableName : t.get(t.size() - 1);
        if (last.endsWith("ies")) return last.substring(0, last.length() - 3) + "y";
        if (last.endsWith("ses")) return last.substring(0, last.length() - 2);
        if (last.endsWith("s")) return last.substring(0, last.length() - 1);
        return last;
    }
}

package io.seedfleet.masking.pii;

import io.seedfleet.core.generate.Pools;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Writes the labelled scanner corpus ({@code pii-corpus.csv}): one line per column with its table,
 * name, SQL type, label (a {@link PiiKind} or NONE) and {@value #ROWS} sample values joined by
 * {@code |}, made with Datafaker (fixed seeds) and by hand. Run it (main: output file, seed) to
 * regenerate; the accuracy test only reads the file ({@code -Dpii.corpus=FILE} reads another, e.g.
 * one made with another seed, to check the scanner is not tuned to one draw).
 */
public final class CorpusGenerator {
    static final int ROWS = 30;
    private final Random random;

    CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }
    private final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/pii/pii-corpus.csv");
        CorpusGenerator g = new CorpusGenerator(args.length > 1 ? Long.parseLong(args[1]) : 20261121L);
        g.build();
        Files.write(out, g.lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + (g.lines.size() - 1) + " columns to " + out);
    }

    private Faker faker(String tag) {
        return new Faker(Locale.forLanguageTag(tag), new Random(random.nextLong()));
    }

    private void col(String table, String column, String type, String label, Supplier<String> value) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) values.add(value.get().replace("|", "/").replace("\n", " "));
        lines.add(String.join(",", csv(table), csv(column), csv(type), csv(label), csv(String.join("|", values))));
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private void build() {
        lines.add("table,column,type,label,values");
        Faker en = faker("en-US");
        int[] seq = {1000};
        col("customers", "id", "bigint", "NONE", () -> Integer.toString(seq[0]++));
        col("customers", "email", "text", "EMAIL", () -> en.internet().emailAddress());
        col("customers", "first_name", "varchar(60)", "FIRST_NAME", () -> en.name().firstName());
        col("customers", "last_name", "varchar(60)", "LAST_NAME", () -> en.name().lastName());
        col("customers", "full_name", "text", "PERSON_NAME", () -> en.name().firstName() + " " + en.name().lastName());
        col("customers", "phone", "text", "PHONE", () -> en.phoneNumber().cellPhone());
        col("customers", "date_of_birth", "date", "DATE_OF_BIRTH", () -> en.timeAndDate().birthday(18, 90, "yyyy-MM-dd"));
        col("customers", "street_address", "text", "STREET_ADDRESS", () -> en.address().streetAddress());
        col("customers", "city", "text", "CITY", () -> en.address().city());
        col("customers", "zip_code", "varchar(10)", "POSTCODE", () -> en.address().zipCode());
        col("customers", "created_at", "timestamptz", "NONE", () -> LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700)) + " 10:0" + random.nextInt(10) + ":00+00");
        col("customers", "status", "text", "NONE", () -> pick("active", "inactive", "suspended"));
        col("customers", "loyalty_points", "integer", "NONE", () -> Integer.toString(random.nextInt(5000)));
        col("customers", "signup_ip", "inet", "IP_ADDRESS", () -> en.internet().ipV4Address());
        col("customers", "username", "text", "USERNAME", () -> en.internet().username());
        col("customers", "password_hash", "text", "PASSWORD_HASH", this::bcrypt);
        col("customers", "notes", "text", "FREE_TEXT", () -> random.nextBoolean()
                ? "Call back on " + en.phoneNumber().cellPhone() + " after 5pm" : "Prefers email: " + en.internet().emailAddress() + ", no calls");
        col("customers", "email_verified", "boolean", "NONE", () -> random.nextBoolean() ? "true" : "false");
        col("customers", "email_sent_at", "timestamp", "NONE", () -> "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + " 08:00:00");

        Faker de = faker("de-DE");
        col("kunden", "kundennummer", "text", "NONE", () -> String.format("K-%06d", random.nextInt(999999)));
        col("kunden", "vorname", "text", "FIRST_NAME", () -> de.name().firstName());
        col("kunden", "nachname", "text", "LAST_NAME", () -> de.name().lastName());
        col("kunden", "e_mail", "text", "EMAIL", () -> de.internet().emailAddress());
        col("kunden", "telefonnummer", "text", "PHONE", () -> "+49 " + (30 + random.nextInt(60)) + " " + (1000000 + random.nextInt(8999999)));
        col("kunden", "geburtsdatum", "date", "DATE_OF_BIRTH", () -> de.timeAndDate().birthday(18, 90, "yyyy-MM-dd"));
        col("kunden", "strasse", "text", "STREET_ADDRESS", () -> de.address().streetName() + " " + (1 + random.nextInt(120)));
        col("kunden", "plz", "varchar(5)", "POSTCODE", () -> String.format("%05d", 1000 + random.nextInt(98000)));
        col("kunden", "ort", "text", "CITY", () -> de.address().city());
        col("kunden", "steuer_id", "text", "NATIONAL_ID", this::steuerId);
        col("kunden", "iban", "text", "IBAN", () -> de.finance().iban("DE"));
        col("kunden", "bemerkung", "text", "FREE_TEXT", () -> "Bitte Rückruf unter " + "+49 30 " + (1000000 + random.nextInt(8999999)) + " oder per Mail an " + de.internet().emailAddress());
        col("kunden", "kundengruppe", "text", "NONE", () -> pick("Privat", "Gewerbe", "Großkunde"));
        col("kunden", "rabatt", "numeric(5,2)", "NONE", () -> Integer.toString(random.nextInt(30)) + ".00");

        Faker fr = faker("fr-FR");
        col("clients", "prenom", "text", "FIRST_NAME", () -> fr.name().firstName());
        col("clients", "nom", "text", "LAST_NAME", () -> fr.name().lastName());
        col("clients", "courriel", "text", "EMAIL", () -> fr.internet().emailAddress());
        col("clients", "telephone", "text", "PHONE", () -> "0" + (1 + random.nextInt(7)) + String.format(" %02d %02d %02d %02d", random.nextInt(100), random.nextInt(100), random.nextInt(100), random.nextInt(100)));
        col("clients", "date_de_naissance", "date", "DATE_OF_BIRTH", () -> fr.timeAndDate().birthday(18, 90, "yyyy-MM-dd"));
        col("clients", "adresse", "text", "STREET_ADDRESS", () -> (1 + random.nextInt(99)) + " " + pick("rue", "avenue", "boulevard", "impasse") + " " + pick("de la Paix", "Victor Hugo", "des Lilas", "Jean Jaurès", "du Moulin"));
        col("clients", "code_postal", "varchar(5)", "POSTCODE", () -> String.format("%05d", 1000 + random.nextInt(94000)));
        col("clients", "ville", "text", "CITY", () -> fr.address().city());
        col("clients", "numero_securite_sociale", "text", "NATIONAL_ID", this::nir);
        col("clients", "categorie", "text", "NONE", () -> pick("particulier", "professionnel"));
        col("clients", "solde", "numeric(12,2)", "NONE", () -> random.nextInt(100000) + "." + random.nextInt(10) + "0");

        Faker es = faker("es-ES");
        col("clientes", "nombre", "text", "FIRST_NAME", () -> es.name().firstName());
        col("clientes", "apellidos", "text", "LAST_NAME", () -> es.name().lastName() + " " + es.name().lastName());
        col("clientes", "correo", "text", "EMAIL", () -> es.internet().emailAddress());
        col("clientes", "telefono", "text", "PHONE", () -> "+34 6" + (10 + random.nextInt(89)) + " " + (100 + random.nextInt(899)) + " " + (100 + random.nextInt(899)));
        col("clientes", "fecha_nacimiento", "date", "DATE_OF_BIRTH", () -> es.timeAndDate().birthday(18, 90, "yyyy-MM-dd"));
        col("clientes", "direccion", "text", "STREET_ADDRESS", () -> pick("Calle", "Avenida", "Paseo", "Plaza") + " " + pick("Mayor", "de Goya", "del Prado", "de Alcalá", "Real") + " " + (1 + random.nextInt(150)));
        col("clientes", "codigo_postal", "varchar(5)", "POSTCODE", () -> String.format("%05d", 1000 + random.nextInt(51000)));
        col("clientes", "ciudad", "text", "CITY", () -> es.address().city());
        col("clientes", "dni", "varchar(9)", "NATIONAL_ID", this::dni);
        col("clientes", "estado", "text", "NONE", () -> pick("activo", "baja", "pendiente"));

        Faker pt = faker("pt-BR");
        col("pessoas", "nome_completo", "text", "PERSON_NAME", () -> pt.name().firstName() + " " + pt.name().lastName());
        col("pessoas", "email", "text", "EMAIL", () -> pt.internet().emailAddress());
        col("pessoas", "celular", "text", "PHONE", () -> "(" + (11 + random.nextInt(80)) + ") 9" + (1000 + random.nextInt(8999)) + "-" + (1000 + random.nextInt(8999)));
        col("pessoas", "data_nascimento", "date", "DATE_OF_BIRTH", () -> pt.timeAndDate().birthday(18, 90, "yyyy-MM-dd"));
        col("pessoas", "endereco", "text", "STREET_ADDRESS", () -> "Rua " + pick("das Flores", "Sete de Setembro", "Augusta", "da Consolação", "XV de Novembro") + ", " + (1 + random.nextInt(2000)));
        col("pessoas", "cep", "varchar(9)", "POSTCODE", () -> String.format("%05d-%03d", random.nextInt(99999), random.nextInt(999)));
        col("pessoas", "cidade", "text", "CITY", () -> pt.address().city());
        col("pessoas", "cpf", "text", "NATIONAL_ID", () -> String.format("%03d.%03d.%03d-%02d", random.nextInt(999), random.nextInt(999), random.nextInt(999), random.nextInt(99)));
        col("pessoas", "situacao", "text", "NONE", () -> pick("ativo", "inativo"));

        Faker it = faker("it-IT");
        col("utenti", "nome", "text", "FIRST_NAME", () -> it.name().firstName());
        col("utenti", "cognome", "text", "LAST_NAME", () -> it.name().lastName());
        col("utenti", "telefono", "text", "PHONE", () -> "+39 3" + (20 + random.nextInt(79)) + " " + (1000000 + random.nextInt(8999999)));
        col("utenti", "indirizzo", "text", "STREET_ADDRESS", () -> pick("Via", "Viale", "Piazza", "Corso") + " " + pick("Roma", "Garibaldi", "Dante", "Mazzini", "Verdi") + " " + (1 + random.nextInt(200)));
        col("utenti", "citta", "text", "CITY", () -> it.address().city());
        col("utenti", "cap", "varchar(5)", "POSTCODE", () -> String.format("%05d", random.nextInt(99999)));
        col("utenti", "data_di_nascita", "date", "DATE_OF_BIRTH", () -> it.timeAndDate().birthday(18, 90, "yyyy-MM-dd"));
        col("utenti", "ruolo", "text", "NONE", () -> pick("admin", "editor", "lettore"));

        Faker nl = faker("nl-NL");
        col("klanten", "voornaam", "text", "FIRST_NAME", () -> nl.name().firstName());
        col("klanten", "achternaam", "text", "LAST_NAME", () -> nl.name().lastName());
        col("klanten", "telefoonnummer", "text", "PHONE", () -> "06-" + (10000000 + random.nextInt(89999999)));
        col("klanten", "adres", "text", "STREET_ADDRESS", () -> nl.address().streetName() + " " + (1 + random.nextInt(300)));
        col("klanten", "postcode", "varchar(7)", "POSTCODE", () -> (1000 + random.nextInt(8999)) + " " + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
        col("klanten", "woonplaats", "text", "CITY", () -> nl.address().city());
        col("klanten", "klantnummer", "integer", "NONE", () -> Integer.toString(100000 + random.nextInt(899999)));

        Pools.LocalePools ja = Pools.locale("ja-JP");
        col("会員", "氏名", "text", "PERSON_NAME", () -> pickFrom(ja.lastNames()) + " " + pickFrom(ja.firstNames()));
        col("会員", "メールアドレス", "text", "EMAIL", () -> pickFrom(ja.firstNamesAscii()) + "." + pickFrom(ja.lastNamesAscii()) + "@example.jp");
        col("会員", "電話番号", "text", "PHONE", () -> "0" + pick("90", "80", "70") + "-" + (1000 + random.nextInt(8999)) + "-" + (1000 + random.nextInt(8999)));
        col("会員", "住所", "text", "STREET_ADDRESS", () -> pick("東京都千代田区丸の内", "大阪府大阪市北区梅田", "神奈川県横浜市中区山下町", "福岡県福岡市中央区天神") + (1 + random.nextInt(5)) + "丁目" + (1 + random.nextInt(20)) + "-" + (1 + random.nextInt(30)));
        col("会員", "生年月日", "date", "DATE_OF_BIRTH", () -> en.timeAndDate().birthday(18, 90, "yyyy-MM-dd"));
        col("会員", "郵便番号", "varchar(8)", "POSTCODE", () -> String.format("%03d-%04d", 100 + random.nextInt(899), random.nextInt(9999)));
        col("会員", "会員ランク", "text", "NONE", () -> pick("ゴールド", "シルバー", "ブロンズ"));

        Pools.LocalePools zh = Pools.locale("zh-CN");
        col("用户", "姓名", "text", "PERSON_NAME", () -> pickFrom(zh.lastNames()) + pickFrom(zh.firstNames()));
        col("用户", "邮箱", "text", "EMAIL", () -> pickFrom(zh.firstNamesAscii()) + random.nextInt(1000) + "@example.cn");
        col("用户", "电话", "text", "PHONE", () -> "13" + random.nextInt(10) + " " + (1000 + random.nextInt(8999)) + " " + (1000 + random.nextInt(8999)));
        col("用户", "地址", "text", "STREET_ADDRESS", () -> pick("北京市朝阳区建国路", "上海市浦东新区世纪大道", "广州市天河区天河路", "深圳市南山区科技园路") + (1 + random.nextInt(300)) + "号");
        col("用户", "身份证号", "varchar(18)", "NATIONAL_ID", () -> "11010" + (1 + random.nextInt(9)) + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(999)) + random.nextInt(10));
        col("用户", "等级", "integer", "NONE", () -> Integer.toString(random.nextInt(10)));

        Faker gb = faker("en-GB");
        col("employees", "national_insurance_number", "text", "NATIONAL_ID", this::nino);
        col("employees", "forename", "text", "FIRST_NAME", () -> gb.name().firstName());
        col("employees", "surname", "text", "LAST_NAME", () -> gb.name().lastName());
        col("employees", "mobile", "text", "PHONE", () -> "07" + (700 + random.nextInt(299)) + " " + (100000 + random.nextInt(899999)));
        col("employees", "postcode", "varchar(8)", "POSTCODE", () -> gb.address().zipCode());
        col("employees", "hire_date", "date", "NONE", () -> LocalDate.of(1995, 1, 1).plusDays(random.nextInt(10000)).toString());
        col("employees", "salary", "numeric(10,2)", "NONE", () -> (20000 + random.nextInt(80000)) + ".00");
        col("employees", "department", "text", "NONE", () -> gb.commerce().department());
        col("employees", "manager_id", "integer", "NONE", () -> Integer.toString(1 + random.nextInt(50)));
        col("employees", "job_title", "text", "NONE", () -> gb.job().title());

        col("payments", "card_number", "varchar(19)", "CREDIT_CARD", () -> en.finance().creditCard().replace("-", ""));
        col("payments", "cardholder", "text", "PERSON_NAME", () -> en.name().firstName().toUpperCase(Locale.ROOT) + " " + en.name().lastName().toUpperCase(Locale.ROOT));
        col("payments", "expiry", "varchar(5)", "NONE", () -> String.format("%02d/%02d", 1 + random.nextInt(12), 25 + random.nextInt(6)));
        col("payments", "amount", "numeric(12,2)", "NONE", () -> random.nextInt(10000) + "." + String.format("%02d", random.nextInt(100)));
        col("payments", "payer_iban", "text", "IBAN", () -> en.finance().iban(pick("DE", "FR", "ES", "NL", "GB", "IT")));
        col("payments", "reference", "text", "NONE", () -> "PAY-" + Long.toString(Math.abs(random.nextLong()), 36).substring(0, 8).toUpperCase(Locale.ROOT));
        col("payments", "currency", "char(3)", "NONE", () -> pick("EUR", "USD", "GBP"));
        col("payments", "paid_at", "timestamptz", "NONE", () -> "2024-05-" + (10 + random.nextInt(18)) + " 12:00:00+00");

        col("tax_records", "ssn", "varchar(11)", "NATIONAL_ID", () -> en.idNumber().ssnValid());
        col("tax_records", "tax_year", "integer", "NONE", () -> Integer.toString(2015 + random.nextInt(10)));
        col("tax_records", "filing_status", "text", "NONE", () -> pick("single", "married_joint", "head_of_household"));

        col("sessions", "client_ip", "text", "IP_ADDRESS", () -> random.nextBoolean() ? en.internet().ipV4Address() : en.internet().ipV6Address());
        col("sessions", "user_agent", "text", "NONE", () -> en.internet().userAgent());
        col("sessions", "started_at", "timestamp", "NONE", () -> "2024-06-0" + (1 + random.nextInt(9)) + " 0" + random.nextInt(10) + ":00:00");
        col("sessions", "token", "text", "NONE", () -> base64url(32));
        col("sessions", "duration_seconds", "integer", "NONE", () -> Integer.toString(random.nextInt(7200)));

        Faker products = faker("en-US");
        col("products", "name", "text", "NONE", () -> products.commerce().productName());
        col("products", "sku", "text", "NONE", () -> "SKU-" + (10000 + random.nextInt(89999)));
        col("products", "description", "text", "NONE", () -> products.lorem().sentence(10));
        col("products", "price", "numeric(10,2)", "NONE", () -> random.nextInt(500) + ".99");
        col("products", "barcode", "varchar(13)", "NONE", this::ean13);
        col("products", "color", "text", "NONE", () -> products.color().name());
        col("products", "created_on", "date", "NONE", () -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500)).toString());

        col("gift_codes", "code", "varchar(16)", "NONE", () -> digits(16));
        col("gift_codes", "balance", "numeric(8,2)", "NONE", () -> random.nextInt(200) + ".00");
        col("gift_codes", "checksum", "text", "NONE", () -> hex(32));

        col("servers", "name", "text", "NONE", () -> pick("web", "db", "cache", "worker", "queue") + "-" + String.format("%02d", random.nextInt(40)));
        col("servers", "address", "text", "NONE", () -> pick("db", "api", "cache", "mq") + "-" + random.nextInt(20) + "." + pick("eu-west-1", "us-east-2", "ap-south-1") + ".internal.example");
        col("servers", "mail_server", "text", "NONE", () -> "smtp" + random.nextInt(5) + ".example.net");
        col("servers", "port", "integer", "NONE", () -> Integer.toString(pick(5432, 6379, 8080, 443)));
        col("servers", "mac_address", "macaddr", "NONE", () -> en.internet().macAddress());
        col("servers", "region", "text", "NONE", () -> pick("eu-west-1", "us-east-2", "ap-south-1"));

        col("invoices", "number", "text", "NONE", () -> "INV-2024-" + String.format("%05d", random.nextInt(99999)));
        col("invoices", "invoice_number", "bigint", "NONE", () -> Long.toString(1_000_000_000L + random.nextInt(999_999_999)));
        col("invoices", "total", "numeric(12,2)", "NONE", () -> random.nextInt(50000) + "." + String.format("%02d", random.nextInt(100)));
        col("invoices", "issued_on", "date", "NONE", () -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300)).toString());
        col("invoices", "due_date", "date", "NONE", () -> LocalDate.of(2024, 2, 1).plusDays(random.nextInt(300)).toString());
        col("invoices", "billing_email", "text", "EMAIL", () -> en.internet().emailAddress());
        col("invoices", "tax_rate", "numeric(4,2)", "NONE", () -> pick("19.00", "20.00", "7.00", "0.00"));

        List<String> cities = List.of("Paris", "Berlin", "Tokyo", "Madrid", "Rome", "Lisbon", "Amsterdam", "Vienna", "Prague", "Warsaw",
                "Osaka", "Lyon", "Munich", "Seville", "Milan", "Porto", "Utrecht", "Dublin", "Oslo", "Helsinki");
        col("cities", "name", "text", "NONE", () -> pickFrom(cities));
        col("cities", "population", "integer", "NONE", () -> Integer.toString(100000 + random.nextInt(5000000)));
        col("cities", "country_code", "char(2)", "NONE", () -> pick("FR", "DE", "JP", "ES", "IT"));

        Faker companies = faker("en-US");
        col("companies", "name", "text", "NONE", () -> companies.company().name());
        col("companies", "industry", "text", "NONE", () -> companies.company().industry());
        col("companies", "website", "text", "NONE", () -> "https://www." + companies.internet().domainName());
        col("companies", "founded_on", "date", "NONE", () -> LocalDate.of(1950, 1, 1).plusDays(random.nextInt(25000)).toString());
        col("companies", "vat_number", "text", "NONE", () -> "DE" + (100000000 + random.nextInt(899999999)));
        col("companies", "phone_model", "text", "NONE", () -> pick("Pixel 8", "iPhone 15", "Galaxy S24", "Xperia 1"));

        col("orders", "order_number", "text", "NONE", () -> "ORD-" + (100000 + random.nextInt(899999)));
        col("orders", "shipping_address", "text", "STREET_ADDRESS", () -> en.address().streetAddress());
        col("orders", "status", "text", "NONE", () -> pick("new", "paid", "shipped", "delivered"));
        col("orders", "quantity", "integer", "NONE", () -> Integer.toString(1 + random.nextInt(10)));
        col("orders", "shipped_at", "timestamptz", "NONE", () -> "2024-07-1" + random.nextInt(10) + " 09:30:00+02");
        col("orders", "tracking_code", "text", "NONE", () -> "1Z" + hex(8).toUpperCase(Locale.ROOT) + digits(8));

        col("audit_log", "message", "text", "NONE", () -> pick("Job finished", "Cache cleared", "Export started", "Index rebuilt", "Backup completed") + " in " + random.nextInt(900) + " ms");
        col("audit_log", "level", "text", "NONE", () -> pick("INFO", "WARN", "ERROR"));
        col("audit_log", "occurred_at", "timestamptz", "NONE", () -> "2024-08-0" + (1 + random.nextInt(9)) + " 1" + random.nextInt(10) + ":00:00+00");
        col("audit_log", "actor_ip", "inet", "IP_ADDRESS", () -> en.internet().ipV4Address());

        col("support_tickets", "subject", "text", "NONE", () -> pick("Login problem", "Refund request", "Bug report", "Feature idea", "Invoice question"));
        col("support_tickets", "body", "text", "FREE_TEXT", () -> random.nextInt(3) == 0 ? "The app crashes when I open settings, please help."
                : "Hi, this is " + en.name().firstName() + ", reach me at " + en.internet().emailAddress() + " or " + en.phoneNumber().cellPhone() + ".");
        col("support_tickets", "priority", "smallint", "NONE", () -> Integer.toString(1 + random.nextInt(4)));

        col("accounts", "login", "text", "USERNAME", () -> en.internet().username());
        col("accounts", "last_login", "timestamptz", "NONE", () -> "2024-09-0" + (1 + random.nextInt(9)) + " 07:00:00+00");
        col("accounts", "login_count", "integer", "NONE", () -> Integer.toString(random.nextInt(900)));
        col("accounts", "display_name", "text", "PERSON_NAME", () -> en.name().firstName() + " " + en.name().lastName());
        col("accounts", "password", "text", "PASSWORD_HASH", () -> "pbkdf2_sha256$600000$" + base64url(16) + "$" + base64url(32));
        col("accounts", "plan", "text", "NONE", () -> pick("free", "pro", "team"));
        col("accounts", "twitter_handle", "text", "USERNAME", () -> "@" + en.internet().username().replace(".", "_"));
        col("accounts", "timezone", "text", "NONE", () -> pick("Europe/Paris", "America/New_York", "Asia/Tokyo"));

        col("imports", "contact", "text", "EMAIL", () -> en.internet().emailAddress());
        col("imports", "ref_account", "text", "IBAN", () -> en.finance().iban(pick("DE", "FR", "NL")));
        col("imports", "x1", "text", "CREDIT_CARD", () -> en.finance().creditCard());
        col("imports", "remote", "text", "IP_ADDRESS", () -> en.internet().ipV4Address());
        col("imports", "who", "text", "PERSON_NAME", () -> en.name().firstName() + " " + en.name().lastName());
        col("imports", "batch", "integer", "NONE", () -> Integer.toString(random.nextInt(100)));
        col("imports", "source_file", "text", "NONE", () -> "export_" + random.nextInt(1000) + ".csv");

        col("files", "file_name", "text", "NONE", () -> en.file().fileName());
        col("files", "mime_type", "text", "NONE", () -> en.file().mimeType());
        col("files", "size_bytes", "bigint", "NONE", () -> Integer.toString(random.nextInt(10_000_000)));
        col("files", "sha256", "char(64)", "NONE", () -> hex(32));

        col("tags", "name", "text", "NONE", () -> pick("urgent", "backend", "frontend", "bug", "design", "docs", "ops", "qa"));
        col("tags", "color", "varchar(7)", "NONE", () -> "#" + hex(3));

        col("locations", "latitude", "double precision", "NONE", () -> Double.toString(-90 + random.nextDouble() * 180));
        col("locations", "longitude", "double precision", "NONE", () -> Double.toString(-180 + random.nextDouble() * 360));
        col("locations", "label", "text", "NONE", () -> pick("HQ", "Warehouse", "Store", "Depot"));

        col("email_templates", "email_type", "text", "NONE", () -> pick("welcome", "reset", "invoice"));
        col("email_templates", "subject", "text", "NONE", () -> pick("Welcome aboard", "Reset your password", "Your invoice"));
        col("email_templates", "locale", "text", "NONE", () -> pick("en", "de", "fr"));

        col("patients", "name", "text", "PERSON_NAME", () -> en.name().firstName() + " " + en.name().lastName());
        col("patients", "dob", "date", "DATE_OF_BIRTH", () -> en.timeAndDate().birthday(0, 95, "yyyy-MM-dd"));
        col("patients", "blood_type", "text", "NONE", () -> pick("A+", "B+", "O-", "AB+"));
        col("patients", "room", "integer", "NONE", () -> Integer.toString(100 + random.nextInt(400)));
        col("patients", "address", "text", "STREET_ADDRESS", () -> en.address().streetAddress() + ", " + en.address().city());

        col("devices", "serial_number", "text", "NONE", () -> hex(6).toUpperCase(Locale.ROOT) + "-" + digits(4));
        col("devices", "model", "text", "NONE", () -> pick("X200", "Z10", "Pro 5", "Air 3"));
        col("devices", "firmware", "text", "NONE", () -> random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(100));
        col("devices", "owner_email", "text", "EMAIL", () -> en.internet().emailAddress());
    }

    private String bcrypt() {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder("$2b$12$");
        for (int i = 0; i < 53; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    private String steuerId() {
        while (true) {
            StringBuilder d = new StringBuilder().append(1 + random.nextInt(9));
            for (int i = 0; i < 9; i++) d.append(random.nextInt(10));
            int product = 10;
            for (int i = 0; i < 10; i++) {
                int sum = (d.charAt(i) - '0' + product) % 10;
                if (sum == 0) sum = 10;
                product = (sum * 2) % 11;
            }
            int check = 11 - product;
            if (check == 10) check = 0;
            return d.append(check).toString();
        }
    }

    private String nir() {
        String body = (1 + random.nextInt(2)) + String.format("%02d%02d%02d%03d%03d", random.nextInt(100), 1 + random.nextInt(12),
                1 + random.nextInt(95), 1 + random.nextInt(999), 1 + random.nextInt(999));
        long key = 97 - Long.parseLong(body) % 97;
        return body + String.format("%02d", key);
    }

    private String dni() {
        int n = random.nextInt(100_000_000);
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    private String nino() {
        String first = "ABCEGHJKLMNOPRSTWXYZ";
        String second = "ABCEGHJKLMNPRSTWXYZ";
        while (true) {
            String prefix = "" + first.charAt(random.nextInt(first.length())) + second.charAt(random.nextInt(second.length()));
            if (List.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix)) continue;
            return prefix + String.format(" %02d %02d %02d ", random.nextInt(100), random.nextInt(100), random.nextInt(100)) + "ABCD".charAt(random.nextInt(4));
        }
    }

    private String ean13() {
        String body = "40" + digits(10);
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        return body + (10 - sum % 10) % 10;
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append(random.nextInt(10));
        return s.toString();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        String h = new BigInteger(1, b).toString(16);
        return "0".repeat(bytes * 2 - h.length()) + h;
    }

    private String base64url(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private String pickFrom(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

}

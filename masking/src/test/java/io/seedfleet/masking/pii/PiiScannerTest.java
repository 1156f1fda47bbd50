package io.seedfleet.masking.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.definition.DefinitionReader;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.sources.ddl.PostgresDdlFiles;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PiiScannerTest {

    private static Table table(String name, Column... columns) {
        return new Table(new QualifiedName("public", name), List.of(columns), List.of(), List.of(), List.of(), null);
    }

    private static Column text(String name) {
        return Column.of(name, ColumnType.of(TypeKind.TEXT, "text"), true);
    }

    private static Map<String, PiiKind> kinds(List<PiiFinding> findings) {
        return findings.stream().collect(Collectors.toMap(f -> f.table().name() + "." + f.column(), PiiFinding::kind));
    }

    @Test
    void namesAloneFindPersonalDataInNineLanguagesAndSkipLookAlikes() {
        SchemaModel schema = new SchemaModel(List.of(
                table("contacts", text("e-mail"), text("telefon"), text("téléphone"), text("correo"), text("メール"), text("邮箱"),
                        text("電話"), text("电话"), text("住所"), text("地址"), text("adresse"), text("dirección"), text("geburtsdatum"),
                        text("date_de_naissance"), text("生年月日"), text("voornaam"), text("cognome"), text("姓名"), text("nome_completo"),
                        text("telefoonnummer"), text("postleitzahl"), text("codice_fiscale"), text("IPアドレス"), text("senha")),
                table("products", text("name"), text("product_name"), text("description")),
                table("servers", text("address"), text("ip_address"), text("server_address"), text("mail_server_status")),
                table("invoices", text("number"), text("invoice_number"))));
        Map<String, PiiKind> found = kinds(PiiScanner.scan(schema));
        assertThat(found).containsEntry("contacts.e-mail", PiiKind.EMAIL).containsEntry("contacts.telefon", PiiKind.PHONE)
                .containsEntry("contacts.téléphone", PiiKind.PHONE).containsEntry("contacts.correo", PiiKind.EMAIL)
                .containsEntry("contacts.メール", PiiKind.EMAIL).containsEntry("contacts.邮箱", PiiKind.EMAIL)
                .containsEntry("contacts.電話", PiiKind.PHONE).containsEntry("contacts.电话", PiiKind.PHONE)
                .containsEntry("contacts.住所", PiiKind.STREET_ADDRESS).containsEntry("contacts.地址", PiiKind.STREET_ADDRESS)
                .containsEntry("contacts.adresse", PiiKind.STREET_ADDRESS).containsEntry("contacts.dirección", PiiKind.STREET_ADDRESS)
                .containsEntry("contacts.geburtsdatum", PiiKind.DATE_OF_BIRTH).containsEntry("contacts.date_de_naissance", PiiKind.DATE_OF_BIRTH)
                .containsEntry("contacts.生年月日", PiiKind.DATE_OF_BIRTH).containsEntry("contacts.voornaam", PiiKind.FIRST_NAME)
                .containsEntry("contacts.cognome", PiiKind.LAST_NAME).containsEntry("contacts.姓名", PiiKind.PERSON_NAME)
                .containsEntry("contacts.nome_completo", PiiKind.PERSON_NAME).containsEntry("contacts.telefoonnummer", PiiKind.PHONE)
                .containsEntry("contacts.postleitzahl", PiiKind.POSTCODE).containsEntry("contacts.codice_fiscale", PiiKind.NATIONAL_ID)
                .containsEntry("contacts.IPアドレス", PiiKind.IP_ADDRESS).containsEntry("contacts.senha", PiiKind.PASSWORD_HASH)
                .containsEntry("servers.ip_address", PiiKind.IP_ADDRESS)
                .doesNotContainKeys("products.name", "products.product_name", "products.description", "servers.address",
                        "servers.server_address", "servers.mail_server_status", "invoices.number", "invoices.invoice_number");
        // A bare "name" is a person's only in a table of people.
        assertThat(kinds(PiiScanner.scan(new SchemaModel(List.of(table("customers", text("name")))))))
                .containsEntry("customers.name", PiiKind.PERSON_NAME);
    }

    @Test
    void findsTheCustomersAndEmployeesOfChinookAndNotItsMusic() {
        Path ddl = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas")).resolve("chinook/schema.sql");
        assumeTrue(Files.exists(ddl));
        SchemaModel schema = PostgresDdlFiles.read(List.of(ddl), SharedPostgres.get());
        Map<String, PiiKind> found = kinds(PiiScanner.scan(schema));
        assertThat(found).containsEntry("customer.first_name", PiiKind.FIRST_NAME).containsEntry("customer.last_name", PiiKind.LAST_NAME)
                .containsEntry("customer.email", PiiKind.EMAIL).containsEntry("customer.phone", PiiKind.PHONE)
                .containsEntry("customer.fax", PiiKind.PHONE).containsEntry("customer.address", PiiKind.STREET_ADDRESS)
                .containsEntry("customer.city", PiiKind.CITY).containsEntry("customer.postal_code", PiiKind.POSTCODE)
                .containsEntry("employee.birth_date", PiiKind.DATE_OF_BIRTH).containsEntry("employee.email", PiiKind.EMAIL)
                .containsEntry("invoice.billing_address", PiiKind.STREET_ADDRESS);
        assertThat(found.keySet()).noneMatch(k -> k.startsWith("artist.") || k.startsWith("album.") || k.startsWith("track.")
                || k.startsWith("genre.") || k.startsWith("media_type.") || k.startsWith("playlist."));
        assertThat(found).doesNotContainKeys("employee.hire_date", "customer.company", "customer.country", "customer.state");
    }

    @Test
    void proposedRulesApplyToTheirColumnsAndReadBackAsADataDefinition() {
        Table users = new Table(new QualifiedName("public", "users"),
                List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("email", ColumnType.text(TypeKind.VARCHAR, "varchar", 120), false),
                        Column.of("first_name", ColumnType.text(TypeKind.VARCHAR, "varchar", 40), true),
                        Column.of("card_number", ColumnType.text(TypeKind.VARCHAR, "varchar", 19), true),
                        Column.of("birth_date", ColumnType.of(TypeKind.DATE, "date"), true),
                        Column.of("login_ip", ColumnType.of(TypeKind.INET, "inet"), true),
                        Column.of("username", ColumnType.text(TypeKind.VARCHAR, "varchar", 40), false),
                        Column.of("display_name", ColumnType.text(TypeKind.VARCHAR, "varchar", 80), false)),
                List.of(UniqueKey.primaryKey("users_pkey", List.of("id")), UniqueKey.unique("users_display_name_key", List.of("display_name")),
                        UniqueKey.unique("users_username_birth_key", List.of("username", "birth_date"))),
                List.of(), List.of(), null);
        SchemaModel schema = new SchemaModel(List.of(users));
        List<PiiFinding> findings = PiiScanner.scan(schema);
        assertThat(kinds(findings)).containsOnlyKeys("users.email", "users.first_name", "users.card_number", "users.birth_date",
                "users.login_ip", "users.username", "users.display_name");
        MaskingSecret secret = MaskingSecret.of("a secret for the proposal test");
        for (PiiFinding f : findings) {
            Maskers.of(f.proposed(), users, users.column(f.column()), secret); // throws if the rule cannot apply
        }
        PiiFinding card = findings.stream().filter(f -> f.column().equals("card_number")).findFirst().orElseThrow();
        assertThat(card.proposed()).isEqualTo(new DataDefinition.MaskRule("fpe", Map.of("luhn", true)));
        Map<String, DataDefinition.MaskRule> proposed = findings.stream().collect(Collectors.toMap(PiiFinding::column, PiiFinding::proposed));
        assertThat(proposed.get("email")).isEqualTo(new DataDefinition.MaskRule("email", Map.of()));
        assertThat(proposed.get("first_name")).isEqualTo(new DataDefinition.MaskRule("fake", Map.of("kind", "firstName")));
        assertThat(proposed.get("birth_date")).isEqualTo(new DataDefinition.MaskRule("generalize", Map.of("to", "year")));
        assertThat(proposed.get("login_ip").method()).isEqualTo("redact");
        assertThat(proposed.get("username").method()).isEqualTo("hash");
        PiiFinding display = findings.stream().filter(f -> f.column().equals("display_name")).findFirst().orElseThrow();
        assertThat(display.proposed().params()).containsEntry("unique", true);
        assertThat(Maskers.of(display.proposed(), users, users.column("display_name"), secret).bijective()).isTrue();
        // Every column of a key gets a bijective rule where one exists (username: untruncated hash).
        assertThat(Maskers.of(proposed.get("username"), users, users.column("username"), secret).bijective()).isTrue();

        String yaml = PiiRules.propose(findings);
        List<DataDefinition> read = DefinitionReader.read("pii-masking.yaml", yaml);
        assertThat(read).hasSize(1);
        Map<String, DataDefinition.MaskRule> rules = read.get(0).spec().masking().get("public.users");
        assertThat(rules).hasSize(findings.size());
        for (PiiFinding f : findings) {
            assertThat(rules.get(f.column()).method()).isEqualTo(f.proposed().method());
            Map<String, Object> params = rules.get(f.column()).params();
            assertThat(params == null ? Map.of() : params).isEqualTo(f.proposed().params());
        }
    }

    @Test
    void rulesYamlQuotesWhatYamlWouldMisread() {
        List<PiiFinding> tricky = List.of(
                new PiiFinding(new QualifiedName("crm", "people: 1"), "null", PiiKind.FREE_TEXT, 0.9, List.of(), new DataDefinition.MaskRule("null", Map.of())),
                new PiiFinding(new QualifiedName("crm", "people: 1"), "yes", PiiKind.POSTCODE, 0.9, List.of(),
                        new DataDefinition.MaskRule("redact", Map.of("value", "0012"))),
                new PiiFinding(new QualifiedName("crm", "people: 1"), "#メモ", PiiKind.FREE_TEXT, 0.9, List.of(),
                        new DataDefinition.MaskRule("redact", Map.of("value", "true"))));
        DataDefinition read = DefinitionReader.read("tricky.yaml", PiiRules.propose(tricky)).get(0);
        Map<String, DataDefinition.MaskRule> rules = read.spec().masking().get("crm.people: 1");
        assertThat(rules.get("null").method()).isEqualTo("null");
        assertThat(rules.get("yes").params()).containsEntry("value", "0012");
        assertThat(rules.get("#メモ").params()).containsEntry("value", "true");
    }

    @Test
    void samplingRunsReadOnlyAndRestoresTheConnection() throws Exception {
        RunningPostgres pg = SharedPostgres.get();
        String url = pg.createDatabase("pii_readonly_" + System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE people (id int primary key, contact text, notes text)");
                s.execute("INSERT INTO people SELECT g, 'person' || g || '@mail.example.org', 'ok' FROM generate_series(1, 50) g");
                // A column default that writes would fail in a read-only transaction; the scan only reads.
            }
            SchemaModel schema = PostgresIntrospector.introspect(c, IntrospectionOptions.only("public"));
            List<PiiFinding> findings = PiiScanner.scan(c, schema, 20);
            assertThat(kinds(findings)).containsExactly(Map.entry("people.contact", PiiKind.EMAIL));
            PiiFinding contact = findings.get(0);
            assertThat(contact.evidence()).anyMatch(e -> e.contains("20 of 20 sampled values (100%) pass the email check"));
            assertThat(contact.confidence()).isBetween(0.5, 1.0);
            assertThat(String.join(" ", contact.evidence())).doesNotContain("@mail.example.org");
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO people VALUES (51, 'x', 'y')"); // the connection writes again after the scan
            }
        }
    }
}

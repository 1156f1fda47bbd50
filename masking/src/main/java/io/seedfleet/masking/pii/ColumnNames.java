package io.seedfleet.masking.pii;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Column-name dictionaries in en, de, fr, es, pt, it, nl, ja and zh. A Latin term matches when its
 * words appear in order among the name's words (split on case, digits and separators, accents
 * folded) or, for terms of five letters or more, inside a compound ({@code telefonnummer},
 * {@code geburtsdatum}); a CJK term matches as a substring. Weak terms ({@code name}, {@code nom},
 * {@code nombre}) only suggest a kind: the values must confirm it.
 */
final class ColumnNames {

    enum Strength { STRONG, WEAK }

    record Term(PiiKind kind, String language, String text, Strength strength) {}

    record Match(PiiKind kind, String language, String term, Strength strength) {}

    /** Words that make a name or address column something else: a product's name, a server's address. */
    private static final Set<String> NOT_A_PERSON = Set.of("product", "produit", "producto", "produkt", "item", "article", "artikel",
            "company", "firma", "empresa", "entreprise", "societe", "organization", "organisation", "org", "tenant", "team", "project",
            "file", "filename", "host", "hostname", "server", "domain", "app", "application", "service", "plan", "brand", "category",
            "tag", "table", "column", "schema", "database", "queue", "topic", "bucket", "branch", "repo", "repository", "event", "job",
            "task", "feature", "flag", "role", "group", "channel", "device", "model", "city", "country", "street", "region", "state",
            "bank", "store", "shop", "warehouse", "campaign", "template", "report", "type", "kind", "status", "display_template");
    private static final Set<String> NOT_A_PLACE = Set.of("ip", "mac", "server", "host", "web", "url", "uri", "wallet", "memory",
            "bitcoin", "contract", "node", "endpoint", "callback", "smtp", "billing_api", "socket", "bind", "listen", "proxy", "gateway");

    private static final List<Term> TERMS = new ArrayList<>();
    /** Abbreviations that are words only on their own: {@code fullname} does not end in a last name. */
    private static final Set<String> TOKEN_ONLY = Set.of("fname", "lname", "login", "pseudo");

    static {
        // Order matters: the first kind that matches wins, so the specific kinds come first
        // (email_address is an EMAIL, ip_address an IP_ADDRESS, user_name a USERNAME).
        strong(PiiKind.PASSWORD_HASH, "en", "password", "passwd", "pwd", "password hash", "password digest", "pass hash");
        strong(PiiKind.PASSWORD_HASH, "de", "passwort", "kennwort");
        strong(PiiKind.PASSWORD_HASH, "fr", "mot de passe", "mdp");
        strong(PiiKind.PASSWORD_HASH, "es", "contrasena", "clave acceso");
        strong(PiiKind.PASSWORD_HASH, "pt", "senha");
        strong(PiiKind.PASSWORD_HASH, "nl", "wachtwoord");
        strong(PiiKind.PASSWORD_HASH, "ja", "パスワード");
        strong(PiiKind.PASSWORD_HASH, "zh", "密码");
        strong(PiiKind.EMAIL, "en", "email", "e mail", "mail", "email address");
        strong(PiiKind.EMAIL, "de", "mailadresse", "emailadresse");
        strong(PiiKind.EMAIL, "fr", "courriel", "adresse email", "mel");
        strong(PiiKind.EMAIL, "es", "correo", "correo electronico");
        strong(PiiKind.EMAIL, "pt", "correio eletronico");
        strong(PiiKind.EMAIL, "it", "posta elettronica");
        strong(PiiKind.EMAIL, "nl", "emailadres");
        strong(PiiKind.EMAIL, "ja", "メール", "メールアドレス");
        strong(PiiKind.EMAIL, "zh", "邮箱", "电子邮件", "邮件");
        strong(PiiKind.IBAN, "en", "iban", "bank account", "account iban");
        strong(PiiKind.IBAN, "de", "kontonummer", "bankverbindung");
        strong(PiiKind.IBAN, "fr", "rib");
        strong(PiiKind.IBAN, "es", "cuenta bancaria");
        strong(PiiKind.IBAN, "pt", "conta bancaria");
        strong(PiiKind.IBAN, "it", "conto corrente");
        strong(PiiKind.IBAN, "nl", "rekeningnummer");
        strong(PiiKind.IBAN, "ja", "口座番号");
        strong(PiiKind.IBAN, "zh", "银行账号");
        strong(PiiKind.CREDIT_CARD, "en", "card number", "cc number", "credit card", "creditcard", "pan", "card no", "card num", "cc num");
        strong(PiiKind.CREDIT_CARD, "de", "kartennummer", "kreditkarte", "kreditkartennummer");
        strong(PiiKind.CREDIT_CARD, "fr", "numero carte", "carte bancaire", "numero de carte");
        strong(PiiKind.CREDIT_CARD, "es", "tarjeta", "numero tarjeta", "numero de tarjeta");
        strong(PiiKind.CREDIT_CARD, "pt", "cartao", "numero do cartao");
        strong(PiiKind.CREDIT_CARD, "it", "carta di credito", "numero carta");
        strong(PiiKind.CREDIT_CARD, "nl", "kaartnummer", "creditcardnummer");
        strong(PiiKind.CREDIT_CARD, "ja", "カード番号", "クレジットカード");
        strong(PiiKind.CREDIT_CARD, "zh", "卡号", "信用卡");
        strong(PiiKind.NATIONAL_ID, "en", "ssn", "social security", "national id", "nino", "national insurance", "tax id", "passport", "passport number");
        strong(PiiKind.NATIONAL_ID, "de", "steuer id", "steuerid", "steueridentifikationsnummer", "personalausweis", "ausweisnummer", "sozialversicherungsnummer");
        strong(PiiKind.NATIONAL_ID, "fr", "nir", "numero securite sociale", "securite sociale", "insee");
        strong(PiiKind.NATIONAL_ID, "es", "dni", "nie", "nif", "documento identidad");
        strong(PiiKind.NATIONAL_ID, "pt", "cpf", "rg");
        strong(PiiKind.NATIONAL_ID, "it", "codice fiscale");
        strong(PiiKind.NATIONAL_ID, "nl", "bsn", "burgerservicenummer");
        strong(PiiKind.NATIONAL_ID, "ja", "マイナンバー", "個人番号");
        strong(PiiKind.NATIONAL_ID, "zh", "身份证");
        strong(PiiKind.IP_ADDRESS, "en", "ip", "ip address", "ipaddress", "ipv4", "ipv6", "remote addr", "client ip", "remote ip");
        strong(PiiKind.IP_ADDRESS, "de", "ip adresse");
        strong(PiiKind.IP_ADDRESS, "fr", "adresse ip");
        strong(PiiKind.IP_ADDRESS, "es", "direccion ip");
        strong(PiiKind.IP_ADDRESS, "ja", "ipアドレス");
        strong(PiiKind.IP_ADDRESS, "zh", "ip地址");
        strong(PiiKind.USERNAME, "en", "username", "user name", "login", "handle", "nickname", "screen name", "user login");
        strong(PiiKind.USERNAME, "de", "benutzername", "anmeldename");
        strong(PiiKind.USERNAME, "fr", "nom utilisateur", "nom d utilisateur", "identifiant", "pseudo");
        strong(PiiKind.USERNAME, "es", "nombre de usuario", "nombre usuario", "usuario");
        strong(PiiKind.USERNAME, "pt", "nome de usuario", "nome usuario", "usuario");
        strong(PiiKind.USERNAME, "it", "nome utente", "utente");
        strong(PiiKind.USERNAME, "nl", "gebruikersnaam");
        strong(PiiKind.USERNAME, "ja", "ユーザー名", "ユーザ名");
        strong(PiiKind.USERNAME, "zh", "用户名");
        strong(PiiKind.DATE_OF_BIRTH, "en", "birth", "dob", "birthday", "birthdate", "date of birth", "born", "born on");
        strong(PiiKind.DATE_OF_BIRTH, "de", "geburtsdatum", "geburtstag", "geboren", "geburt");
        strong(PiiKind.DATE_OF_BIRTH, "fr", "naissance", "date de naissance");
        strong(PiiKind.DATE_OF_BIRTH, "es", "nacimiento", "fecha de nacimiento", "fecha nacimiento");
        strong(PiiKind.DATE_OF_BIRTH, "pt", "nascimento", "data de nascimento", "data nascimento");
        strong(PiiKind.DATE_OF_BIRTH, "it", "nascita", "data di nascita");
        strong(PiiKind.DATE_OF_BIRTH, "nl", "geboortedatum", "geboorte");
        strong(PiiKind.DATE_OF_BIRTH, "ja", "生年月日", "誕生日");
        strong(PiiKind.DATE_OF_BIRTH, "zh", "出生日期", "生日");
        strong(PiiKind.PHONE, "en", "phone", "telephone", "tel", "mobile", "cell", "msisdn", "fax", "phone number", "cellphone");
        strong(PiiKind.PHONE, "de", "telefon", "telefonnummer", "handy", "handynummer", "mobilnummer", "rufnummer");
        strong(PiiKind.PHONE, "fr", "telephone", "portable", "numero de telephone");
        strong(PiiKind.PHONE, "es", "telefono", "movil", "celular");
        strong(PiiKind.PHONE, "pt", "telefone", "celular");
        strong(PiiKind.PHONE, "it", "telefono", "cellulare");
        strong(PiiKind.PHONE, "nl", "telefoon", "telefoonnummer", "mobiel");
        strong(PiiKind.PHONE, "ja", "電話", "電話番号", "携帯");
        strong(PiiKind.PHONE, "zh", "电话", "手机", "电话号码");
        strong(PiiKind.FIRST_NAME, "en", "first name", "firstname", "given name", "forename", "givenname", "fname");
        strong(PiiKind.FIRST_NAME, "de", "vorname");
        strong(PiiKind.FIRST_NAME, "fr", "prenom");
        strong(PiiKind.FIRST_NAME, "es", "nombre de pila", "primer nombre");
        strong(PiiKind.FIRST_NAME, "pt", "primeiro nome", "prenome");
        strong(PiiKind.FIRST_NAME, "nl", "voornaam");
        strong(PiiKind.FIRST_NAME, "ja", "名(めい)", "下の名前");
        strong(PiiKind.FIRST_NAME, "zh", "名字");
        strong(PiiKind.LAST_NAME, "en", "last name", "lastname", "surname", "family name", "familyname", "lname");
        strong(PiiKind.LAST_NAME, "de", "nachname", "familienname");
        strong(PiiKind.LAST_NAME, "fr", "nom de famille");
        strong(PiiKind.LAST_NAME, "es", "apellido", "apellidos");
        strong(PiiKind.LAST_NAME, "pt", "sobrenome", "apelido");
        strong(PiiKind.LAST_NAME, "it", "cognome");
        strong(PiiKind.LAST_NAME, "nl", "achternaam");
        strong(PiiKind.LAST_NAME, "ja", "苗字", "名字(みょうじ)");
        strong(PiiKind.LAST_NAME, "zh", "姓氏");
        strong(PiiKind.PERSON_NAME, "en", "full name", "fullname", "display name", "customer name", "contact name", "person name",
                "author name", "account holder", "cardholder", "holder name", "recipient name", "patient name", "employee name");
        strong(PiiKind.PERSON_NAME, "de", "vollstandiger name", "kundenname", "ansprechpartner");
        strong(PiiKind.PERSON_NAME, "fr", "nom complet", "nom client", "titulaire");
        strong(PiiKind.PERSON_NAME, "es", "nombre completo", "nombre cliente", "titular");
        strong(PiiKind.PERSON_NAME, "pt", "nome completo", "nome cliente", "titular");
        strong(PiiKind.PERSON_NAME, "it", "nome completo", "nominativo", "intestatario");
        strong(PiiKind.PERSON_NAME, "nl", "volledige naam", "klantnaam");
        strong(PiiKind.PERSON_NAME, "ja", "氏名", "名前", "お名前");
        strong(PiiKind.PERSON_NAME, "zh", "姓名");
        strong(PiiKind.LAST_NAME, "ja", "姓");
        strong(PiiKind.FIRST_NAME, "ja", "名");
        weak(PiiKind.PERSON_NAME, "en", "name");
        weak(PiiKind.PERSON_NAME, "de", "name");
        weak(PiiKind.LAST_NAME, "fr", "nom");
        weak(PiiKind.PERSON_NAME, "es", "nombre");
        weak(PiiKind.PERSON_NAME, "pt", "nome");
        weak(PiiKind.FIRST_NAME, "it", "nome");
        weak(PiiKind.PERSON_NAME, "nl", "naam");
        strong(PiiKind.POSTCODE, "en", "zip", "zipcode", "zip code", "postcode", "postal code", "post code", "postalcode");
        strong(PiiKind.POSTCODE, "de", "plz", "postleitzahl");
        strong(PiiKind.POSTCODE, "fr", "code postal");
        strong(PiiKind.POSTCODE, "es", "codigo postal");
        strong(PiiKind.POSTCODE, "pt", "cep", "codigo postal");
        strong(PiiKind.POSTCODE, "it", "cap", "codice postale");
        strong(PiiKind.POSTCODE, "nl", "postcode");
        strong(PiiKind.POSTCODE, "ja", "郵便番号");
        strong(PiiKind.POSTCODE, "zh", "邮编", "邮政编码");
        strong(PiiKind.STREET_ADDRESS, "en", "address", "street", "street address", "address line", "addr", "address1", "address2", "line1", "line2");
        strong(PiiKind.STREET_ADDRESS, "de", "adresse", "strasse", "anschrift", "hausnummer");
        strong(PiiKind.STREET_ADDRESS, "fr", "rue", "adresse postale");
        strong(PiiKind.STREET_ADDRESS, "es", "direccion", "calle", "domicilio");
        strong(PiiKind.STREET_ADDRESS, "pt", "endereco", "morada", "rua", "logradouro");
        strong(PiiKind.STREET_ADDRESS, "it", "indirizzo");
        strong(PiiKind.STREET_ADDRESS, "nl", "adres", "straat", "straatnaam");
        strong(PiiKind.STREET_ADDRESS, "ja", "住所");
        strong(PiiKind.STREET_ADDRESS, "zh", "地址", "住址");
        strong(PiiKind.CITY, "en", "city", "town");
        strong(PiiKind.CITY, "de", "stadt", "ort", "wohnort");
        strong(PiiKind.CITY, "fr", "ville", "commune");
        strong(PiiKind.CITY, "es", "ciudad", "localidad", "municipio");
        strong(PiiKind.CITY, "pt", "cidade", "municipio");
        strong(PiiKind.CITY, "it", "citta", "comune");
        strong(PiiKind.CITY, "nl", "stad", "woonplaats", "plaats");
        strong(PiiKind.CITY, "ja", "市区町村", "都市");
        strong(PiiKind.CITY, "zh", "城市");
        weak(PiiKind.FREE_TEXT, "en", "notes", "note", "comment", "comments", "remarks", "bio", "about", "message", "body", "feedback");
        weak(PiiKind.FREE_TEXT, "de", "notiz", "notizen", "bemerkung", "kommentar", "nachricht");
        weak(PiiKind.FREE_TEXT, "fr", "commentaire", "remarque", "remarques");
        weak(PiiKind.FREE_TEXT, "es", "comentario", "notas", "observaciones", "mensaje");
        weak(PiiKind.FREE_TEXT, "pt", "observacao", "observacoes", "mensagem");
        weak(PiiKind.FREE_TEXT, "it", "commento", "messaggio");
        weak(PiiKind.FREE_TEXT, "nl", "opmerking", "notitie", "bericht");
        weak(PiiKind.FREE_TEXT, "ja", "備考", "メモ", "コメント");
        weak(PiiKind.FREE_TEXT, "zh", "备注", "评论", "留言");
    }

    private ColumnNames() {}

    private static void strong(PiiKind kind, String language, String... terms) {
        for (String t : terms) TERMS.add(new Term(kind, language, t, Strength.STRONG));
    }

    private static void weak(PiiKind kind, String language, String... terms) {
        for (String t : terms) TERMS.add(new Term(kind, language, t, Strength.WEAK));
    }

    /** The first dictionary term the column name matches, unless the name's other words say it is something else. */
    static Optional<Match> match(String tableName, String columnName) {
        List<String> words = words(columnName);
        String compact = String.join("", words);
        String raw = columnName.toLowerCase(Locale.ROOT);
        for (Term term : TERMS) {
            if (!matches(term, words, compact, raw)) continue;
            if (contradicted(term.kind(), words, term) || contradictedByTable(term.kind(), tableName)) continue;
            if (term.strength() == Strength.WEAK && thingTable(tableName)) continue;
            Strength strength = term.strength();
            if (strength == Strength.WEAK && term.kind() != PiiKind.FREE_TEXT && words.size() == 1 && personTable(tableName)) strength = Strength.STRONG;
            return Optional.of(new Match(term.kind(), term.language(), term.text(), strength));
        }
        return Optional.empty();
    }

    private static boolean matches(Term term, List<String> words, String compact, String raw) {
        String text = term.text();
        if (!text.chars().allMatch(c -> c < 0x80)) {
            // CJK terms: a substring of the raw name (single characters only as the whole name: 姓 and 名).
            return text.length() == 1 ? raw.equals(text) : raw.contains(text);
        }
        List<String> termWords = List.of(text.split(" "));
        if (Collections.indexOfSubList(words, termWords) >= 0) return true;
        String termCompact = String.join("", termWords);
        if (termCompact.length() < 5 || term.strength() == Strength.WEAK || TOKEN_ONLY.contains(termCompact)) return false;
        // Compounds: telefonnummer, geburtsdatum, emailaddress; not inside a longer word's middle when short.
        return compact.startsWith(termCompact) || compact.endsWith(termCompact) || termCompact.length() >= 7 && compact.contains(termCompact);
    }

    /** Tables of machines and networks: their address is a host's, their name a host name. */
    private static final Set<String> MACHINE_TABLES = Set.of("server", "servers", "host", "hosts", "node", "nodes", "machine", "machines",
            "instance", "instances", "cluster", "clusters", "endpoint", "endpoints", "network", "networks", "wallet", "wallets", "device", "devices");

    /** A table of things (cities, products, tags): a bare {@code name} there names the thing. */
    private static boolean thingTable(String tableName) {
        List<String> w = words(tableName);
        if (w.isEmpty()) return false;
        String last = w.get(w.size() - 1);
        String singular = last.endsWith("ies") ? last.substring(0, last.length() - 3) + "y" : last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
        return NOT_A_PERSON.contains(last) || NOT_A_PERSON.contains(singular);
    }

    private static boolean contradictedByTable(PiiKind kind, String tableName) {
        boolean placeOrPerson = kind == PiiKind.STREET_ADDRESS || kind == PiiKind.PERSON_NAME || kind == PiiKind.FIRST_NAME || kind == PiiKind.LAST_NAME;
        return placeOrPerson && words(tableName).stream().anyMatch(MACHINE_TABLES::contains);
    }

    private static boolean contradicted(PiiKind kind, List<String> words, Term term) {
        boolean person = kind == PiiKind.PERSON_NAME || kind == PiiKind.FIRST_NAME || kind == PiiKind.LAST_NAME;
        if (person && words.stream().anyMatch(NOT_A_PERSON::contains)) return true;
        if (kind == PiiKind.STREET_ADDRESS && words.stream().anyMatch(NOT_A_PLACE::contains)) return true;
        if (kind == PiiKind.EMAIL && words.stream().anyMatch(w -> Set.of("verified", "confirmed", "sent", "opt", "count", "enabled", "template", "subject", "body", "status", "type").contains(w))) return true;
        if (kind == PiiKind.PHONE && words.stream().anyMatch(w -> Set.of("verified", "confirmed", "type", "count", "enabled", "prefix", "extension").contains(w))) return true;
        return kind == PiiKind.USERNAME && term.text().equals("login") && words.stream().anyMatch(w -> Set.of("at", "count", "attempts", "date", "time", "failed", "last").contains(w));
    }

    private static final Set<String> PERSON_TABLES = Set.of("user", "users", "customer", "customers", "person", "persons", "people",
            "employee", "employees", "member", "members", "contact", "contacts", "patient", "patients", "student", "students",
            "author", "authors", "staff", "client", "clients", "account_holder", "kunde", "kunden", "mitarbeiter", "benutzer",
            "utilisateur", "utilisateurs", "clientes", "cliente", "usuarios", "usuario", "empleados", "pessoas", "utenti", "klanten",
            "gebruikers", "会員", "顧客", "社員", "用户", "客户", "员工", "passenger", "passengers", "guest", "guests", "applicant", "applicants");

    static boolean personTable(String tableName) {
        String t = tableName.toLowerCase(Locale.ROOT);
        if (PERSON_TABLES.contains(t)) return true;
        List<String> w = words(t);
        return !w.isEmpty() && PERSON_TABLES.contains(w.get(w.size() - 1));
    }

    /** Lower-case, accent-folded words of an identifier: {@code TelefonNummer} gives [telefon, nummer]. */
    static List<String> words(String identifier) {
        String spaced = identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Za-z])([0-9])", "$1 $2");
        String folded = Normalizer.normalize(spaced, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replace("ß", "ss");
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty())
                .toList();
    }
}

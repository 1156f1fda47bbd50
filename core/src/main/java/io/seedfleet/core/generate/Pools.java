package io.seedfleet.core.generate;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Realistic values, made once per JVM with Datafaker and then picked by the counter-based generator
 * on the hot path. Each pool is built from its own fixed-seed {@link Random}, so every process
 * (coordinator, any worker, the CLI) holds byte-identical pools regardless of build order.
 */
public final class Pools {
    static final int SIZE = 256;

    /**
     * The locales people are drawn from, with their share of rows (per mille). {@code places} is the
     * Datafaker locale for cities, streets and phones (Indian addresses are written in English);
     * {@code namesFile} marks locales whose names come, with their romanisation, from names/TAG.tsv.
     */
    public static final List<LocaleShare> LOCALES = List.of(
            new LocaleShare("en-US", "US", 250, "en-US", false), new LocaleShare("en-GB", "GB", 80, "en-GB", false),
            new LocaleShare("de-DE", "DE", 80, "de-DE", false), new LocaleShare("fr-FR", "FR", 80, "fr-FR", false),
            new LocaleShare("es-ES", "ES", 80, "es-ES", false), new LocaleShare("it-IT", "IT", 60, "it-IT", false),
            new LocaleShare("pt-BR", "BR", 80, "pt-BR", false), new LocaleShare("ja-JP", "JP", 70, "ja-JP", true),
            new LocaleShare("zh-CN", "CN", 70, "zh-CN", true), new LocaleShare("ko-KR", "KR", 50, "ko-KR", true),
            new LocaleShare("hi-IN", "IN", 60, "en-IN", true), new LocaleShare("ar-SA", "SA", 40, "ar-SA", true));

    public record LocaleShare(String tag, String countryCode, int perMille, String places, boolean namesFile) {
        /** The time zones people of this country live in. */
        public List<String> timeZones() {
            return switch (countryCode) {
                case "US" -> List.of("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix");
                case "GB" -> List.of("Europe/London");
                case "DE" -> List.of("Europe/Berlin");
                case "FR" -> List.of("Europe/Paris");
                case "ES" -> List.of("Europe/Madrid", "Atlantic/Canary");
                case "IT" -> List.of("Europe/Rome");
                case "BR" -> List.of("America/Sao_Paulo", "America/Manaus", "America/Recife");
                case "JP" -> List.of("Asia/Tokyo");
                case "CN" -> List.of("Asia/Shanghai");
                case "KR" -> List.of("Asia/Seoul");
                case "IN" -> List.of("Asia/Kolkata");
                case "SA" -> List.of("Asia/Riyadh");
                default -> List.of("UTC");
            };
        }

        public String currency() {
            return java.util.Currency.getInstance(new Locale("", countryCode)).getCurrencyCode();
        }

        public String language() {
            return tag.substring(0, 2);
        }
    }

    /**
     * Pools of one locale: people and places as the locale writes them. The ASCII name lists are
     * the romanised (or accent-folded) forms, index for index, for emails and user names.
     * {@code familyFirst} locales write the family name first, joined by {@code nameJoiner}.
     */
    public record LocalePools(String tag, String countryCode, List<String> firstNames, List<String> lastNames,
                              List<String> firstNamesAscii, List<String> lastNamesAscii, List<String> cities,
                              List<String> streets, List<String> postcodes, List<String> phones,
                              List<String> companies, List<String> regions, boolean familyFirst, String nameJoiner) {}

    /** Saudi Arabia's regions; Datafaker's Arabic data has none of its own. */
    private static final List<String> SAUDI_REGIONS = List.of("منطقة الرياض", "منطقة مكة المكرمة", "المنطقة الشرقية",
            "منطقة المدينة المنورة", "منطقة القصيم", "منطقة عسير", "منطقة تبوك", "منطقة حائل", "منطقة جازان", "منطقة نجران");

    private static final Map<String, LocalePools> BY_LOCALE = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> GENERIC = new ConcurrentHashMap<>();

    private Pools() {}

    /**
     * Builds every pool now (about a second of Datafaker work), so a service pays for it at start-up
     * instead of in its first chunk.
     */
    public static void warmUp() {
        LOCALES.forEach(l -> locale(l.tag()));
        for (String name : List.of("word", "job", "product", "sentence", "paragraph", "color", "userAgent", "timezone")) generic(name);
    }

    public static LocalePools locale(String tag) {
        return BY_LOCALE.computeIfAbsent(tag, Pools::buildLocale);
    }

    private static LocalePools buildLocale(String tag) {
        LocaleShare share = LOCALES.stream().filter(l -> l.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no locale " + tag));
        Locale places = Locale.forLanguageTag(share.places());
        Function<String, Faker> faker = pool -> new Faker(places, new Random(Mix.fnv1a(tag + "/" + pool)));
        List<String> first;
        List<String> last;
        List<String> firstAscii;
        List<String> lastAscii;
        if (share.namesFile()) {
            NameFile names = NameFile.load(tag);
            first = names.givenNative();
            last = names.familyNative();
            firstAscii = names.givenLatin();
            lastAscii = names.familyLatin();
        } else {
            first = distinct(faker.apply("first"), f -> f.name().firstName());
            last = distinct(faker.apply("last"), f -> f.name().lastName());
            firstAscii = ascii(first);
            lastAscii = ascii(last);
        }
        boolean familyFirst = Set.of("ja-JP", "zh-CN", "ko-KR").contains(tag);
        return new LocalePools(tag, share.countryCode(), first, last, firstAscii, lastAscii,
                distinct(faker.apply("city"), f -> f.address().city()),
                distinct(faker.apply("street"), f -> f.address().streetAddress()),
                distinct(faker.apply("postcode"), f -> f.address().zipCode()),
                distinct(faker.apply("phone"), f -> f.phoneNumber().phoneNumber()),
                distinct(faker.apply("company"), f -> f.company().name()),
                tag.equals("ar-SA") ? SAUDI_REGIONS : distinct(faker.apply("region"), f -> f.address().state()),
                familyFirst, tag.equals("ja-JP") ? " " : familyFirst ? "" : " ");
    }

    /** Locale-independent pools (English words, job titles, products, user agents...). */
    public static List<String> generic(String name) {
        return GENERIC.computeIfAbsent(name, Pools::buildGeneric);
    }

    private static List<String> buildGeneric(String name) {
        Faker f = new Faker(Locale.US, new Random(Mix.fnv1a("generic/" + name)));
        return switch (name) {
            case "word" -> distinct(f, x -> x.lorem().word().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))
                    .stream().filter(w -> w.length() >= 3).toList();
            case "job" -> distinct(f, x -> x.job().title());
            case "product" -> distinct(f, x -> x.commerce().productName());
            case "department" -> distinct(f, x -> x.commerce().department());
            case "industry" -> distinct(f, x -> x.company().industry());
            case "color" -> distinct(f, x -> x.color().name());
            case "userAgent" -> distinct(f, x -> x.internet().userAgent());
            case "sentence" -> distinct(f, x -> x.lorem().sentence(8));
            case "paragraph" -> distinct(f, x -> x.lorem().paragraph(3));
            case "catchPhrase" -> distinct(f, x -> x.company().catchPhrase());
            case "domain" -> List.of("example.com", "example.org", "example.net", "mail.example.com", "corp.example.org");
            case "timezone" -> ZoneId.getAvailableZoneIds().stream()
                    .filter(z -> z.matches("(Europe|America|Asia|Africa|Australia|Pacific)/[A-Za-z_]+")).sorted().toList();
            case "currency" -> List.of("USD", "EUR", "GBP", "JPY", "BRL", "INR", "CAD", "AUD", "CHF", "CNY", "KRW", "SAR");
            case "localeTag" -> List.of("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR", "ja-JP", "zh-CN", "ko-KR", "hi-IN", "ar-SA");
            case "language" -> List.of("en", "de", "fr", "es", "it", "pt", "ja", "zh", "ko", "hi", "ar", "nl");
            case "country" -> List.of("US", "GB", "DE", "FR", "ES", "IT", "BR", "JP", "CN", "KR", "IN", "SA", "CA", "AU", "NL");
            case "mime" -> List.of("application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv", "application/json", "application/zip");
            case "extension" -> List.of("pdf", "png", "jpg", "txt", "csv", "json", "zip", "docx", "xlsx");
            default -> throw new IllegalArgumentException("no pool " + name);
        };
    }

    private static List<String> distinct(Faker faker, Function<Faker, String> value) {
        Set<String> out = new LinkedHashSet<>();
        for (int attempt = 0; attempt < SIZE * 4 && out.size() < SIZE; attempt++) {
            String v = value.apply(faker);
            if (v != null && !v.isBlank()) out.add(v.strip());
        }
        return List.copyOf(out);
    }

    /** Lower-case ASCII for addresses and handles: accents dropped, anything else removed. */
    public static String asciiFold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toLowerCase(decomposed.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
            else if (c == 'ß') b.append("ss");
        }
        return b.length() == 0 ? "user" : b.toString();
    }

    private static List<String> ascii(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) out.add(asciiFold(n));
        return out;
    }

}

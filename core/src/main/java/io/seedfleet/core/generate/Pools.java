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

    /** The locales people are drawn from, with their share of rows (per mille). */
    public static final List<LocaleShare> LOCALES = List.of(
            new LocaleShare("en-US", "US", 400), new LocaleShare("en-GB", "GB", 100),
            new LocaleShare("de-DE", "DE", 100), new LocaleShare("fr-FR", "FR", 100),
            new LocaleShare("es-ES", "ES", 100), new LocaleShare("it-IT", "IT", 100),
            new LocaleShare("pt-BR", "BR", 100));

    public record LocaleShare(String tag, String countryCode, int perMille) {}

    /** Pools of one locale: people and places as the locale writes them. */
    public record LocalePools(String tag, String countryCode, List<String> firstNames, List<String> lastNames,
                              List<String> firstNamesAscii, List<String> lastNamesAscii, List<String> cities,
                              List<String> streets, List<String> postcodes, List<String> phones,
                              List<String> companies, List<String> regions) {}

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
        Locale locale = Locale.forLanguageTag(tag);
        Function<String, Faker> faker = pool -> new Faker(locale, new Random(Mix.fnv1a(tag + "/" + pool)));
        List<String> first = distinct(faker.apply("first"), f -> f.name().firstName());
        List<String> last = distinct(faker.apply("last"), f -> f.name().lastName());
        String country = LOCALES.stream().filter(l -> l.tag().equals(tag)).findFirst().map(LocaleShare::countryCode).orElse("US");
        return new LocalePools(tag, country, first, last, ascii(first), ascii(last),
                distinct(faker.apply("city"), f -> f.address().city()),
                distinct(faker.apply("street"), f -> f.address().streetAddress()),
                distinct(faker.apply("postcode"), f -> f.address().zipCode()),
                distinct(faker.apply("phone"), f -> f.phoneNumber().phoneNumber()),
                distinct(faker.apply("company"), f -> f.company().name()),
                distinct(faker.apply("region"), f -> f.address().state()));
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

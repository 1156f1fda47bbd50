package io.seedfleet.masking.proof;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.masking.pii.PiiFinding;
import io.seedfleet.masking.pii.PiiKind;
import io.seedfleet.masking.run.ColumnMaskers.ColumnRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a masked copy did with each identifier a privacy standard names: whether the scanner found it,
 * in which columns, and how each was treated (the masking method, or "not masked"). For HIPAA these
 * are the 18 Safe Harbor identifiers of 45 CFR 164.514(b)(2); for GDPR the kinds of personal data
 * of its Article 4(1); for CCPA the categories of Cal. Civ. Code 1798.140(v). An identifier the
 * scanner cannot recognise (a photograph, a biometric) says so instead of claiming absence.
 */
public record PrivacyReport(String standard, List<Identifier> identifiers, boolean compliant) {

    public enum Standard {
        GDPR, HIPAA, CCPA;

        public static Standard parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--standard is gdpr, hipaa or ccpa, not " + text);
            }
        }
    }

    /** One identifier of the standard: {@code status} is not-found, masked, not-masked, partly-masked or not-detectable. */
    public record Identifier(String name, String status, List<Treatment> columns) {}

    /** A column holding the identifier, the kind the scanner saw, its confidence and how it was masked (null: not at all). */
    public record Treatment(String column, String kind, double confidence, String method) {}

    /** An identifier of a standard and the scanner's kinds that hold it; no kinds: the scanner cannot detect it. */
    private record Definition(String name, Set<PiiKind> kinds) {}

    public static PrivacyReport of(List<PiiFinding> findings, Map<ColumnRef, MaskRule> rules, Standard standard) {
        List<Identifier> out = new ArrayList<>();
        boolean compliant = true;
        for (Definition d : definitions(standard)) {
            List<Treatment> columns = new ArrayList<>();
            for (PiiFinding f : findings) {
                if (!d.kinds().contains(f.kind())) continue;
                MaskRule rule = rules.get(new ColumnRef(f.table(), f.column()));
                String method = rule == null || rule.method().equals("keep") ? null : rule.method();
                columns.add(new Treatment(f.table() + "." + f.column(), f.kind().name(), f.confidence(), method));
            }
            long masked = columns.stream().filter(t -> t.method() != null).count();
            String status = d.kinds().isEmpty() ? "not-detectable"
                    : columns.isEmpty() ? "not-found"
                    : masked == columns.size() ? "masked"
                    : masked == 0 ? "not-masked" : "partly-masked";
            compliant &= !status.equals("not-masked") && !status.equals("partly-masked");
            out.add(new Identifier(d.name(), status, columns));
        }
        return new PrivacyReport(standard.name().toLowerCase(Locale.ROOT), out, compliant);
    }

    private static List<Definition> definitions(Standard standard) {
        Map<String, Set<PiiKind>> m = new LinkedHashMap<>();
        switch (standard) {
            case HIPAA -> {
                m.put("1. names", EnumSet.of(PiiKind.PERSON_NAME, PiiKind.FIRST_NAME, PiiKind.LAST_NAME));
                m.put("2. geographic subdivisions smaller than a state", EnumSet.of(PiiKind.STREET_ADDRESS, PiiKind.CITY, PiiKind.POSTCODE));
                m.put("3. dates (except year) directly related to an individual", EnumSet.of(PiiKind.DATE_OF_BIRTH));
                m.put("4. telephone numbers", EnumSet.of(PiiKind.PHONE));
                m.put("5. fax numbers", EnumSet.of(PiiKind.PHONE));
                m.put("6. email addresses", EnumSet.of(PiiKind.EMAIL));
                m.put("7. social security numbers", EnumSet.of(PiiKind.NATIONAL_ID));
                m.put("8. medical record numbers", EnumSet.noneOf(PiiKind.class));
                m.put("9. health plan beneficiary numbers", EnumSet.noneOf(PiiKind.class));
                m.put("10. account numbers", EnumSet.of(PiiKind.CREDIT_CARD, PiiKind.IBAN));
                m.put("11. certificate/license numbers", EnumSet.noneOf(PiiKind.class));
                m.put("12. vehicle identifiers and serial numbers", EnumSet.noneOf(PiiKind.class));
                m.put("13. device identifiers and serial numbers", EnumSet.noneOf(PiiKind.class));
                m.put("14. web URLs", EnumSet.noneOf(PiiKind.class));
                m.put("15. IP addresses", EnumSet.of(PiiKind.IP_ADDRESS));
                m.put("16. biometric identifiers", EnumSet.noneOf(PiiKind.class));
                m.put("17. full-face photographs and comparable images", EnumSet.noneOf(PiiKind.class));
                m.put("18. any other unique identifying number, characteristic or code",
                        EnumSet.of(PiiKind.USERNAME, PiiKind.PASSWORD_HASH, PiiKind.FREE_TEXT));
            }
            case GDPR -> {
                m.put("name", EnumSet.of(PiiKind.PERSON_NAME, PiiKind.FIRST_NAME, PiiKind.LAST_NAME));
                m.put("contact details", EnumSet.of(PiiKind.EMAIL, PiiKind.PHONE));
                m.put("location data", EnumSet.of(PiiKind.STREET_ADDRESS, PiiKind.CITY, PiiKind.POSTCODE));
                m.put("identification number", EnumSet.of(PiiKind.NATIONAL_ID));
                m.put("online identifier", EnumSet.of(PiiKind.IP_ADDRESS, PiiKind.USERNAME));
                m.put("financial identifiers", EnumSet.of(PiiKind.CREDIT_CARD, PiiKind.IBAN));
                m.put("date of birth", EnumSet.of(PiiKind.DATE_OF_BIRTH));
                m.put("credentials", EnumSet.of(PiiKind.PASSWORD_HASH));
                m.put("free text that may describe a person", EnumSet.of(PiiKind.FREE_TEXT));
                m.put("special categories (health, biometric, beliefs)", EnumSet.noneOf(PiiKind.class));
            }
            case CCPA -> {
                m.put("identifiers (name, alias, postal address, email, account name, SSN)", EnumSet.of(PiiKind.PERSON_NAME, PiiKind.FIRST_NAME,
                        PiiKind.LAST_NAME, PiiKind.STREET_ADDRESS, PiiKind.POSTCODE, PiiKind.CITY, PiiKind.EMAIL, PiiKind.USERNAME, PiiKind.NATIONAL_ID));
                m.put("online identifiers and IP address", EnumSet.of(PiiKind.IP_ADDRESS));
                m.put("customer records (telephone, bank account, credit card)", EnumSet.of(PiiKind.PHONE, PiiKind.IBAN, PiiKind.CREDIT_CARD));
                m.put("characteristics of protected classifications (age)", EnumSet.of(PiiKind.DATE_OF_BIRTH));
                m.put("sensitive personal information (account log-in and password)", EnumSet.of(PiiKind.PASSWORD_HASH));
                m.put("biometric information", EnumSet.noneOf(PiiKind.class));
                m.put("geolocation data", EnumSet.noneOf(PiiKind.class));
                m.put("free text that may describe a consumer", EnumSet.of(PiiKind.FREE_TEXT));
            }
        }
        List<Definition> out = new ArrayList<>();
        m.forEach((name, kinds) -> out.add(new Definition(name, kinds)));
        return out;
    }
}

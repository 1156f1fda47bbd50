package io.seedfleet.masking.pii;

/** The kinds of personal data the scanner finds. */
public enum PiiKind {
    EMAIL, PHONE, PERSON_NAME, FIRST_NAME, LAST_NAME, STREET_ADDRESS, POSTCODE, CITY, DATE_OF_BIRTH,
    CREDIT_CARD, IBAN, NATIONAL_ID, IP_ADDRESS, USERNAME, PASSWORD_HASH, FREE_TEXT
}

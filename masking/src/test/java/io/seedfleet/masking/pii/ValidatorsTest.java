package io.seedfleet.masking.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void cardsNeedTheLuhnCheck() {
        assertThat(Validators.creditCard("4111 1111 1111 1111")).isTrue();
        assertThat(Validators.creditCard("4111-1111-1111-1112")).isFalse();
        assertThat(Validators.creditCard("378282246310005")).isTrue();
        assertThat(Validators.creditCard("0000000000000000")).isFalse();
    }

    @Test
    void ibansNeedMod97() {
        assertThat(Validators.iban("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Validators.iban("GB82WEST12345698765432")).isTrue();
        assertThat(Validators.iban("DE89 3704 0044 0532 0130 01")).isFalse();
    }

    @Test
    void nationalIdsWithTheirChecksumsAndExcludedRanges() {
        assertThat(NationalIds.usSsn("123-45-6789")).isTrue();
        assertThat(NationalIds.usSsn("666-45-6789")).isFalse();
        assertThat(NationalIds.usSsn("912-45-6789")).isFalse();
        assertThat(NationalIds.usSsn("123-00-6789")).isFalse();
        assertThat(NationalIds.ukNino("AB 12 34 56 C")).isTrue();
        assertThat(NationalIds.ukNino("GB 12 34 56 C")).isFalse();
        assertThat(NationalIds.frNir("255081416802538")).isTrue();
        assertThat(NationalIds.frNir("255081416802539")).isFalse();
        assertThat(NationalIds.esDni("12345678Z")).isTrue();
        assertThat(NationalIds.esDni("12345678A")).isFalse();
        assertThat(NationalIds.esDni("X1234567L")).isTrue();
        assertThat(NationalIds.deSteuerId("86095742719")).isTrue();
        assertThat(NationalIds.deSteuerId("86095742718")).isFalse();
    }

    @Test
    void otherShapes() {
        assertThat(Validators.email("jane.doe+x@mail.example.org")).isTrue();
        assertThat(Validators.email("jane.doe@localhost")).isFalse();
        assertThat(Validators.phone("+49 30 1234567")).isTrue();
        assertThat(Validators.phone("(11) 91234-5678")).isTrue();
        assertThat(Validators.formattedPhone("1234567890")).isFalse();
        assertThat(Validators.phone("2024-01-15")).isFalse();
        assertThat(Validators.ipAddress("192.168.0.1")).isTrue();
        assertThat(Validators.ipAddress("2001:db8::1")).isTrue();
        assertThat(Validators.ipAddress("300.1.1.1")).isFalse();
        assertThat(Validators.streetAddress("12 rue de la Paix")).isTrue();
        assertThat(Validators.streetAddress("Hauptstraße 5")).isTrue();
        assertThat(Validators.streetAddress("Via Roma 10")).isTrue();
        assertThat(Validators.streetAddress("db-01.eu-west-1.internal")).isFalse();
        assertThat(Validators.passwordHash("$2b$12$" + "a".repeat(53), false)).isTrue();
        assertThat(Validators.passwordHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", false)).isFalse();
        assertThat(Validators.birthDate("1980-05-01", LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(Validators.birthDate("2030-05-01", LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(Validators.textWithPii("Please call me at +44 20 7946 0958 tomorrow")).isTrue();
        assertThat(Validators.textWithPii("The build finished in 300 ms")).isFalse();
    }
}

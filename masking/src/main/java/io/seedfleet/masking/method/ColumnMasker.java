package io.seedfleet.masking.method;

/**
 * Masks the values of one column, given and returned in their text form (as PostgreSQL's COPY text
 * and JDBC's getString write them; null is SQL NULL). A pure function of the masking secret and the
 * value: the same value masks to the same output in every table, run and worker given the same
 * secret, which is what keeps primary keys and the foreign keys that reference them joinable.
 */
@FunctionalInterface
public interface ColumnMasker {
    String mask(String value);

    /** Whether distinct inputs always give distinct outputs, so a unique column stays unique. */
    default boolean bijective() {
        return false;
    }

    /**
     * This masker, never returning a value {@code forbidden} holds (in a masking run: a value whose
     * normalised form is a source value of a personal-data column, which the leak check would count).
     * Methods that draw realistic values from pools override it to re-draw deterministically; the rest
     * cannot produce a source value by chance (keyed hashes, tags of 64 bits, redaction) or must keep
     * their mapping (bijective keys), and return themselves.
     */
    default ColumnMasker avoiding(java.util.function.Predicate<String> forbidden) {
        return this;
    }
}

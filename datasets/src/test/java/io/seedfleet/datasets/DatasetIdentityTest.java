package io.seedfleet.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.schema.SourceException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class DatasetIdentityTest {

    @Provide
    Arbitrary<String> fingerprints() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    @Property
    void isAStableSha256OfItsInputs(@ForAll("fingerprints") String schema, @ForAll long seed, @ForAll @AlphaChars @StringLength(max = 8) String key,
                                    @ForAll @IntRange(min = -1000, max = 1000) int value) {
        String definition = "{\"k" + key + "\": " + value + ", \"z\": [1, {\"b\": 2, \"a\": 1}]}";
        String id = DatasetIdentity.of(schema, definition, seed, EngineVersion.CURRENT);
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(DatasetIdentity.of(schema, definition, seed, EngineVersion.CURRENT)).isEqualTo(id);
        // Key order and spacing are not part of a definition's meaning.
        String reordered = "{ \"z\" : [1, {\"a\": 1, \"b\": 2}], \"k" + key + "\" : " + value + " }";
        assertThat(DatasetIdentity.of(schema, reordered, seed, EngineVersion.CURRENT)).isEqualTo(id);
    }

    @Property
    void changesWithEachInput(@ForAll("fingerprints") String schema, @ForAll("fingerprints") String otherSchema, @ForAll long seed,
                              @ForAll long otherSeed, @ForAll @IntRange(max = 100) int rows, @ForAll @IntRange(max = 100) int otherRows) {
        String definition = "{\"rows\":" + rows + "}";
        String id = DatasetIdentity.of(schema, definition, seed, "0.1.0");
        Assume.that(!schema.equals(otherSchema) && seed != otherSeed && rows != otherRows);
        assertThat(DatasetIdentity.of(otherSchema, definition, seed, "0.1.0")).isNotEqualTo(id);
        assertThat(DatasetIdentity.of(schema, definition, otherSeed, "0.1.0")).isNotEqualTo(id);
        assertThat(DatasetIdentity.of(schema, "{\"rows\":" + otherRows + "}", seed, "0.1.0")).isNotEqualTo(id);
        assertThat(DatasetIdentity.of(schema, null, seed, "0.1.0")).isNotEqualTo(id);
        assertThat(DatasetIdentity.of(schema, definition, seed, "0.2.0")).isNotEqualTo(id);
    }

    @Test
    void aMalformedDefinitionIsASourceErrorWithItsLine() {
        assertThatThrownBy(() -> DatasetIdentity.of("ab", "{\n\"rows\": ,\n}", 1, "0.1.0"))
                .isInstanceOf(SourceException.class).hasMessageContaining("definition:2");
    }

    @Test
    void definitionHashIsNullWithoutADefinitionAndIgnoresKeyOrder() {
        assertThat(DatasetIdentity.definitionHash(null)).isNull();
        assertThat(DatasetIdentity.definitionHash("{\"a\":1,\"b\":2}")).isEqualTo(DatasetIdentity.definitionHash("{\"b\":2, \"a\":1}"))
                .isNotEqualTo(DatasetIdentity.definitionHash("{\"a\":1,\"b\":3}"));
    }
}

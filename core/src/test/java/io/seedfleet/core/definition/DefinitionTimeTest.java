package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedfleet.core.definition.DefinitionTime.Date;
import io.seedfleet.core.definition.DefinitionTime.DateTime;
import io.seedfleet.core.definition.DefinitionTime.Now;
import io.seedfleet.core.definition.DefinitionTime.Offset;
import io.seedfleet.core.definition.DefinitionTime.TimeOfDay;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DefinitionTimeTest {

    @Test
    void theDocumentedFormsParse() {
        assertThat(DefinitionTime.parse("now")).contains(new Now());
        assertThat(DefinitionTime.parse("-30d")).contains(new Offset(-30, 'd'));
        assertThat(DefinitionTime.parse("+2h")).contains(new Offset(2, 'h'));
        assertThat(DefinitionTime.parse("-1y")).contains(new Offset(-1, 'y'));
        assertThat(DefinitionTime.parse("-6mo")).contains(new Offset(-6, 'M'));
        assertThat(DefinitionTime.parse("15m")).contains(new Offset(15, 'm'));
        assertThat(DefinitionTime.parse("2024-02-29")).contains(new Date(LocalDate.of(2024, 2, 29)));
        assertThat(DefinitionTime.parse("2024-01-01T10:00:00Z"))
                .contains(new DateTime(LocalDateTime.of(2024, 1, 1, 10, 0), ZoneOffset.UTC));
        assertThat(DefinitionTime.parse("2024-01-01 10:00+02"))
                .contains(new DateTime(LocalDateTime.of(2024, 1, 1, 10, 0), ZoneOffset.ofHours(2)));
        assertThat(DefinitionTime.parse("2024-01-01T10:00:30.5")).contains(new DateTime(LocalDateTime.of(2024, 1, 1, 10, 0, 30, 500_000_000), null));
        assertThat(DefinitionTime.parse("09:30")).contains(new TimeOfDay(LocalTime.of(9, 30)));
        for (String wrong : List.of("-30x", "2024-02-30", " now", "NOW", "yesterday", "2024-1-1", "25:00", "-d", "2024-01-01t10:00")) {
            assertThat(DefinitionTime.parse(wrong)).as(wrong).isEmpty();
        }
    }

    @Test
    void relativeTimesOrderAndAbsoluteOnesOnlyAmongTheirKind() {
        assertThat(DefinitionTimes.compare(DefinitionTime.parse("-1y").orElseThrow(), DefinitionTime.parse("-30d").orElseThrow())).contains(-1);
        assertThat(DefinitionTimes.compare(DefinitionTime.parse("now").orElseThrow(), DefinitionTime.parse("-1h").orElseThrow())).contains(1);
        assertThat(DefinitionTimes.compare(DefinitionTime.parse("2024-01-02").orElseThrow(), DefinitionTime.parse("2024-01-01").orElseThrow())).contains(1);
        assertThat(DefinitionTimes.compare(DefinitionTime.parse("2024-01-02").orElseThrow(), DefinitionTime.parse("now").orElseThrow())).isEmpty();
    }

    /** definition.schema.json's pattern for range.from/to. */
    private static Pattern schemaPattern() throws Exception {
        try (InputStream in = DefinitionTimeTest.class.getResourceAsStream("/schemas/definition.schema.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            return Pattern.compile(schema.at("/$defs/range/properties/from/pattern").asText());
        }
    }

    @Provide
    Arbitrary<String> timeLikeText() {
        Arbitrary<String> token = Arbitraries.of("now", "-", "+", "30", "1", "2024", "-01", "-02", "-30", "-29", "T", " ", "t",
                "10", ":00", ":30", ".5", "Z", "+02", ":00", "d", "h", "m", "mo", "M", "y", "w", "s", "x", "0200");
        return token.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void whatTheSchemaRefusesTheReaderRefuses(@ForAll("timeLikeText") String text) throws Exception {
        boolean schemaAccepts = schemaPattern().matcher(text).find();
        boolean readerAccepts = DefinitionTime.parse(text).isPresent();
        if (!schemaAccepts) assertThat(readerAccepts).as(text).isFalse();
        if (readerAccepts) assertThat(schemaAccepts).as(text).isTrue();
    }
}

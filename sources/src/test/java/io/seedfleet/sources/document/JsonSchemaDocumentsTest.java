package io.seedfleet.sources.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.constraints.IntRange;

/** Every generated document validates against the JSON Schema it was generated from. */
class JsonSchemaDocumentsTest {
    private static final Path RESUME = Documents.schemas().resolve("jsonschema_jsonresume/schema.json");
    private static final Path JOB = Documents.schemas().resolve("jsonschema_jsonresume/job-schema.json");
    private static final Path EVENTS = Documents.fixture("events-2020-12.json");

    @AddLifecycleHook(NeedsSharedSchemas.class)
    @Property(tries = 8)
    void resumeDocumentsValidateAgainstDraft07(@ForAll long seed, @ForAll @IntRange(max = 300) int edgeCasesPerMille) {
        List<JsonNode> docs = Documents.generate(JsonSchemaReader.read(RESUME), 40, seed, edgeCasesPerMille);
        JsonSchema validator = Documents.validator(Documents.readFile(RESUME), SpecVersion.VersionFlag.V7);
        assertThat(docs).hasSize(40);
        assertThat(Documents.violations(validator, docs)).isEmpty();
    }

    @AddLifecycleHook(NeedsSharedSchemas.class)
    @Property(tries = 8)
    void jobDocumentsValidateAgainstDraft04(@ForAll long seed, @ForAll @IntRange(max = 300) int edgeCasesPerMille) {
        List<JsonNode> docs = Documents.generate(JsonSchemaReader.read(JOB), 40, seed, edgeCasesPerMille);
        JsonSchema validator = Documents.validator(Documents.readFile(JOB), SpecVersion.VersionFlag.V4);
        assertThat(Documents.violations(validator, docs)).isEmpty();
        // the one enum of the job schema only ever takes its labels
        docs.stream().filter(d -> d.has("remote")).forEach(d -> assertThat(d.get("remote").asText()).isIn("Full", "Hybrid", "None"));
    }

    @Property(tries = 10)
    void fixtureDocumentsValidateAgainst202012(@ForAll long seed, @ForAll @IntRange(max = 300) int edgeCasesPerMille) {
        List<JsonNode> docs = Documents.generate(JsonSchemaReader.read(EVENTS), 60, seed, edgeCasesPerMille);
        JsonSchema validator = Documents.validator(Documents.readFile(EVENTS), SpecVersion.VersionFlag.V202012);
        assertThat(Documents.violations(validator, docs)).isEmpty();
    }

    /** Validation alone would pass if the generator left every optional part out: check that it does not. */
    @Property(tries = 3)
    void fixtureDocumentsUseEveryBranchAndOptionalPart(@ForAll long seed) {
        List<JsonNode> docs = Documents.generate(JsonSchemaReader.read(EVENTS), 300, seed, 50);
        Set<String> payloads = new HashSet<>();
        for (JsonNode d : docs) {
            JsonNode payload = d.get("payload");
            payloads.add(payload.isTextual() ? "string" : payload.get("type").asText());
            assertThat(d.get("tags").size()).isBetween(1, 3);
            assertThat(d.path("readings").size()).isLessThanOrEqualTo(4);
        }
        assertThat(payloads).containsExactlyInAnyOrder("click", "purchase", "string");
        Pattern code = Pattern.compile("^[A-Z]{3}-[0-9]{4}$");
        List<JsonNode> withCode = docs.stream().filter(d -> d.has("code")).toList();
        assertThat(withCode).hasSizeGreaterThan(200);
        assertThat(withCode.stream().map(d -> d.get("code").asText()).distinct().count()).isGreaterThan(200);
        withCode.forEach(d -> assertThat(code.matcher(d.get("code").asText()).matches()).isTrue());
        for (String optional : List.of("location", "ratio", "serverIp", "homepage", "host", "priority", "note", "bucket", "price")) {
            assertThat(docs.stream().filter(d -> d.has(optional)).count()).as(optional).isGreaterThan(150);
        }
        assertThat(docs.stream().mapToInt(d -> d.path("tags").size()).distinct().count()).isEqualTo(3);
    }

    /** The validator is live: the same documents, each broken in one place, fail it. */
    @org.junit.jupiter.api.Test
    void brokenDocumentsFailTheValidator() {
        List<JsonNode> docs = Documents.generate(JsonSchemaReader.read(EVENTS), 5, 11, 0);
        JsonSchema validator = Documents.validator(Documents.readFile(EVENTS), SpecVersion.VersionFlag.V202012);
        System.out.println(docs.get(0).toPrettyString());
        for (JsonNode d : docs) {
            assertThat(validator.validate(d)).isEmpty();
            for (String[] breakage : new String[][] {{"attempts", "9"}, {"code", "\"abc-1234\""}, {"occurredAt", "\"2024-13-01T00:00:00Z\""},
                    {"contact", "\"not an email\""}, {"kind", "\"other\""}, {"serverIp", "\"1.2.3.4\""}}) {
                com.fasterxml.jackson.databind.node.ObjectNode broken = d.deepCopy();
                broken.set(breakage[0], Documents.read(breakage[1]));
                assertThat(validator.validate(broken)).as(breakage[0]).isNotEmpty();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void zeroDocumentsWriteNothing() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(JsonLinesWriter.write(JsonSchemaReader.read(EVENTS), 0, 1, 50, out)).isZero();
        assertThat(out.size()).isZero();
    }

    @Property(tries = 5)
    void theSameSeedGivesTheSameBytes(@ForAll long seed) {
        DocumentSchema schema = JsonSchemaReader.read(EVENTS);
        byte[] first = Documents.bytes(schema, 50, seed, 100);
        byte[] second = Documents.bytes(JsonSchemaReader.read(EVENTS), 50, seed, 100);
        assertThat(second).isEqualTo(first);
        assertThat(Documents.bytes(schema, 50, seed + 1, 100)).isNotEqualTo(first);
    }
}

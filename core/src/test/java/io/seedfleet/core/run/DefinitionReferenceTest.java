package io.seedfleet.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionReferenceTest {
    private static final String YAML = "apiVersion: seedfleet.io/v1\nkind: DataDefinition\nmetadata: {name: t}\nspec: {}\n";

    @Test
    void inlineTextIsTheDefinitionItself() {
        assertThat(DefinitionReference.text(YAML)).isEqualTo(YAML);
        assertThat(DefinitionReference.text(null)).isNull();
    }

    @Test
    void aFileUriIsRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("def.yaml"), YAML);
        assertThat(DefinitionReference.text(file.toUri().toString())).isEqualTo(YAML);
        assertThatThrownBy(() -> DefinitionReference.text(dir.resolve("missing.yaml").toUri().toString()))
                .hasMessageContaining("cannot be read").hasMessageContaining("missing.yaml");
    }

    @Test
    void anHttpUrlIsFetchedAndAFailureNamed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/def.yaml", exchange -> {
            byte[] body = YAML.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(DefinitionReference.text(base + "/def.yaml")).isEqualTo(YAML);
            assertThatThrownBy(() -> DefinitionReference.text(base + "/nothing.yaml")).hasMessageContaining("answered HTTP 404");
        } finally {
            server.stop(0);
        }
    }
}

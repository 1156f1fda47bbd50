package io.seedfleet.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;

/**
 * Kustomize overlays rendered by {@code kubectl kustomize} (Debian's kubernetes-client in CI, whose
 * built-in kustomize is v2.0.3: the manifests must render there and with current kubectl alike).
 * {@code KUBECTL} names another binary.
 */
final class Manifests {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    private final List<JsonNode> documents;

    private Manifests(List<JsonNode> documents) {
        this.documents = documents;
    }

    static synchronized Manifests render(String kustomization) throws IOException, InterruptedException {
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).filter(s -> !s.isBlank()).orElse("kubectl");
        Assumptions.assumeTrue(works(kubectl), "kubectl is not installed (apt-get install kubernetes-client; .ci/run does): "
                + "the manifests cannot be rendered here, so they are not checked");
        List<JsonNode> docs = RENDERED.get(kustomization);
        if (docs == null) {
            Path dir = ServiceCode.ROOT.resolve(kustomization);
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            // stderr holds newer kustomize's deprecation warnings for the v2-compatible fields; kept for a failure's message.
            var err = new java.io.ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            drain.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            drain.join();
            if (exit != 0) throw new AssertionError("kubectl kustomize " + kustomization + " failed: " + err.toString(StandardCharsets.UTF_8));
            docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(out))) {
                while (it.hasNext()) {
                    JsonNode d = (JsonNode) it.next();
                    if (d != null && !d.isNull() && !d.isEmpty()) docs.add(d);
                }
            }
            RENDERED.put(kustomization, docs);
        }
        return new Manifests(docs);
    }

    private static boolean works(String kubectl) {
        try {
            Process p = new ProcessBuilder(kubectl, "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<JsonNode> all() {
        return documents;
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered manifests"));
    }

    static String name(JsonNode d) {
        return d.path("metadata").path("name").asText();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The module an image was built from: the last path segment of its name, without the tag. */
    static String imageModule(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.contains(":") ? last.substring(0, last.indexOf(':')) : last;
    }
}

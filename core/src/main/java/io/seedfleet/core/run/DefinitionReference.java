package io.seedfleet.core.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A request's definition is its YAML text, or a reference to it: a {@code file:} URI the coordinator
 * can read, or an {@code http(s):} URL (a definition kept in Git, served raw). Either way the
 * coordinator resolves it once, and the run records the rules it made, so workers never fetch it.
 */
public final class DefinitionReference {
    private static final Pattern REFERENCE = Pattern.compile("(?i)(file:|https?://)\\S+");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private DefinitionReference() {}

    /** The definition's text: {@code definition} itself when inline, else what the reference points at. */
    public static String text(String definition) {
        if (definition == null || !REFERENCE.matcher(definition.strip()).matches()) return definition;
        URI uri = URI.create(definition.strip());
        try {
            if ("file".equalsIgnoreCase(uri.getScheme())) return Files.readString(Path.of(uri), StandardCharsets.UTF_8);
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) throw new IllegalArgumentException("the definition at " + uri + " answered HTTP " + response.statusCode());
            return response.body();
        } catch (IOException e) {
            throw new IllegalArgumentException("the definition at " + uri + " cannot be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the definition at " + uri, e);
        }
    }
}

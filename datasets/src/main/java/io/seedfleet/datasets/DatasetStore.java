package io.seedfleet.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The versions made on this machine: one {@code <identity>.json} manifest per version in a directory. */
public final class DatasetStore {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");
    private final Path directory;

    private DatasetStore(Path directory) {
        this.directory = directory;
    }

    /** The store in {@code directory}, or in the default one when it is null. */
    public static DatasetStore at(Path directory) {
        return new DatasetStore(directory != null ? directory : defaultDirectory());
    }

    /** {@code $SEEDFLEET_HOME/datasets}, else {@code ~/.seedfleet/datasets}. */
    public static Path defaultDirectory() {
        String home = System.getenv("SEEDFLEET_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".seedfleet");
        return base.resolve("datasets");
    }

    public Path directory() {
        return directory;
    }

    /** Stores a version (replacing an earlier record of the same identity) and returns its file. */
    public Path save(Manifest manifest) {
        if (manifest.identity() == null) throw new IllegalArgumentException("a snapshot has no identity and is not a version to store");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(manifest.identity() + ".json");
            Path temp = Files.createTempFile(directory, ".saving-", ".json");
            Files.writeString(temp, manifest.toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the dataset store " + directory, e);
        }
    }

    /** Every stored version, newest first. */
    public List<Manifest> list() {
        return files().map(this::read)
                .sorted(Comparator.comparing(Manifest::createdAt, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Manifest::identity))
                .toList();
    }

    /** The version with this identity or unique identity prefix. */
    public Manifest find(String idOrPrefix) {
        String id = idOrPrefix == null ? "" : idOrPrefix.trim().toLowerCase(java.util.Locale.ROOT);
        if (!HEX.matcher(id).matches()) throw new UnknownVersionException("'" + idOrPrefix + "' is not a version id (hex digits of a dataset identity)");
        List<Path> matches = files().filter(f -> f.getFileName().toString().startsWith(id)).sorted().toList();
        if (matches.isEmpty()) throw new UnknownVersionException("no dataset version " + id + " in " + directory);
        if (matches.size() > 1) {
            throw new UnknownVersionException("version prefix " + id + " is ambiguous: it matches " + matches.size() + " versions ("
                    + String.join(", ", matches.stream().map(f -> f.getFileName().toString().replace(".json", "")).toList())
                    + "); give more digits");
        }
        return read(matches.get(0));
    }

    private Stream<Path> files() {
        if (!Files.isDirectory(directory)) return Stream.empty();
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> list = entries.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}\\.json")).toList();
            return list.stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dataset store " + directory, e);
        }
    }

    private Manifest read(Path file) {
        try {
            return Manifest.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

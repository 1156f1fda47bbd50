package io.seedfleet.sources;

import io.seedfleet.core.schema.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Schema files as users name them: files as given, a folder as its files of the wanted kinds (subfolders too), in path order. */
public final class SchemaFiles {
    private SchemaFiles() {}

    /**
     * @param extensions the endings ({@code .prisma}) of the files a folder stands for
     * @param what the kind of file, for the message when there is none ({@code "Prisma schema"})
     */
    public static List<Path> expand(List<Path> paths, List<String> extensions, String what) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> Files.isRegularFile(p) && hasExtension(p, extensions)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new SourceException(path.toString(), 0, "folder", "cannot be listed: " + e.getMessage(), e);
                }
            } else {
                throw new SourceException(path.toString(), 0, null, "no such file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new SourceException(String.join(", ", paths.stream().map(Path::toString).toList()), 0, null,
                    "no " + what + " files (" + String.join(", ", extensions) + ")");
        }
        return files;
    }

    static boolean hasExtension(Path file, List<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(name::endsWith);
    }
}

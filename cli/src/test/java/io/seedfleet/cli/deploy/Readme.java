package io.seedfleet.cli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's configuration table: every setting, one table, whatever runs the services. */
final class Readme {
    private Readme() {}

    static String text() throws IOException {
        return Files.readString(ServiceCode.ROOT.resolve("README.md"));
    }

    /** The environment variables named in the first column of the table under "### Configuration". */
    static Set<String> configurationTable() throws IOException {
        String text = text();
        int start = text.indexOf("### Configuration");
        if (start < 0) throw new AssertionError("the README has no Configuration section");
        Set<String> names = new TreeSet<>();
        boolean inTable = false;
        for (String line : text.substring(start).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                String first = line.split("\\|")[1];
                Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(first);
                while (m.find()) names.add(m.group(1));
            } else if (inTable) {
                break; // one table
            }
        }
        return names;
    }
}

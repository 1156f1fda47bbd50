package io.seedfleet.sources.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line every value of a JSON or YAML file starts on, by JSON pointer: Jackson's tree forgets
 * locations, so one streaming pass records them for error messages.
 */
final class LineIndex {
    private final Map<String, Integer> lines;

    private LineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static LineIndex of(JsonParser parser) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> frames = new ArrayDeque<>();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.FIELD_NAME) {
                frames.peek().field = parser.currentName();
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                frames.pop();
                continue;
            }
            Frame top = frames.peek();
            if (top != null && top.array) top.index++;
            String pointer = pointer(frames);
            lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                frames.push(new Frame(pointer, token == JsonToken.START_ARRAY));
            }
        }
        return new LineIndex(lines);
    }

    /** The line of the value at {@code pointer}, or of its nearest ancestor; 0 when unknown. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) return line;
            if (p.isEmpty()) return 0;
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String pointer(Deque<Frame> frames) {
        Frame top = frames.peek();
        if (top == null) return "";
        return top.pointer + "/" + (top.array ? String.valueOf(top.index) : escape(top.field));
    }

    private static final class Frame {
        final String pointer;
        final boolean array;
        int index = -1;
        String field;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }
    }
}

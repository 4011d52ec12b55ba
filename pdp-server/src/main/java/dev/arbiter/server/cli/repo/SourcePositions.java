package dev.arbiter.server.cli.repo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a file's documents starts, so that a problem located by its path in the
 * document ({@code rules[0].condition}) can be shown at its line and column in the file. The
 * documents of a YAML stream are numbered; the trees the server reads carry no positions.
 */
public final class SourcePositions {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, Position> byPath;

    private SourcePositions(Map<String, Position> byPath) {
        this.byPath = byPath;
    }

    /** The positions of the file's values; as many as could be read when the file does not parse. */
    public static SourcePositions of(SourceFile file) {
        Map<String, Position> byPath = new HashMap<>();
        try (JsonParser parser = (file.yaml() ? YAML : JSON).createParser(file.bytes())) {
            int document = -1;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token.isStructEnd()) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token.isStructStart()) {
                    context = context.getParent();
                }
                if (context.inRoot()) {
                    document++;
                }
                JsonLocation location = parser.currentTokenLocation();
                byPath.putIfAbsent(key(document, path(context)),
                        new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr())));
            }
        } catch (IOException | RuntimeException e) {
            // The reader reports why the file does not parse; positions up to there still help.
        }
        return new SourcePositions(byPath);
    }

    /**
     * Where the value at {@code path} of document {@code document} starts, or else its nearest
     * enclosing value (a missing field is shown at the object that lacks it); null when unknown.
     */
    public Position find(int document, String path) {
        for (String at = path; ; at = parent(at)) {
            Position position = byPath.get(key(document, at));
            if (position != null || at.isEmpty()) {
                return position;
            }
        }
    }

    /** Whether document {@code document} has a value at exactly {@code path}. */
    public boolean has(int document, String path) {
        return byPath.containsKey(key(document, path));
    }

    private static String key(int document, String path) {
        return document + "/" + path;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The path of the value the context is at, e.g. {@code rules[0].condition}. */
    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        String name = context.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }
}

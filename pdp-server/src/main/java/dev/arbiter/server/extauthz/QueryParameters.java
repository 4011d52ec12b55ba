package dev.arbiter.server.extauthz;

import dev.arbiter.server.engine.RequestMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A query string as a map of its parameters, each decoded; a name given twice keeps its first value. */
final class QueryParameters {

    private QueryParameters() {}

    static Map<String, Object> of(String query) {
        if (query.isEmpty()) {
            return RequestMap.empty();
        }
        RequestMap.Builder<Object> parameters = new RequestMap.Builder<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters.build();
    }

    /** Form decoding, as servers read queries; a broken escape is kept as sent rather than refused. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException broken) {
            return text;
        }
    }
}

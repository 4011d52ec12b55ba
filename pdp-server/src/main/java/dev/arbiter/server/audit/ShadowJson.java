package dev.arbiter.server.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.engine.Shadow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The logged {@code shadow}: what the dry-run policies would have decided, in the check answer's shape. */
final class ShadowJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ShadowJson() {}

    /** The JSON text of {@code shadow}, or null when the dry-run policies agreed with the decision. */
    static String write(Shadow shadow) {
        if (shadow == null) {
            return null;
        }
        StringWriter text = new StringWriter(64);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeBooleanField("allow", shadow.allow());
            json.writeStringField("policy", LogText.clean(shadow.policy()));
            json.writeStringField("rule", LogText.clean(shadow.rule()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

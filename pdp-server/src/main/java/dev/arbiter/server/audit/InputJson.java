package dev.arbiter.server.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.Resource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The logged {@code input}: the check request as it was decided (defaults filled in), with the
 * configured attribute paths masked and text made storable.
 */
final class InputJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private InputJson() {}

    static String write(CheckRequest request, AuditMask mask) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            principal(json, request.principal(), mask);
            json.writeStringField("action", LogText.clean(request.action()));
            resource(json, request.resource(), mask);
            json.writeFieldName("context");
            object(json, request.context(), mask.context());
            if (request.minRevision() > 0) {
                json.writeNumberField("minRevision", request.minRevision());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void principal(JsonGenerator json, Principal principal, AuditMask mask) throws IOException {
        json.writeObjectFieldStart("principal");
        json.writeStringField("id", LogText.clean(principal.id()));
        json.writeArrayFieldStart("roles");
        for (String role : principal.roles()) {
            json.writeString(LogText.clean(role));
        }
        json.writeEndArray();
        json.writeFieldName("attr");
        object(json, principal.attr(), mask.principalAttr());
        json.writeEndObject();
    }

    private static void resource(JsonGenerator json, Resource resource, AuditMask mask) throws IOException {
        json.writeObjectFieldStart("resource");
        json.writeStringField("service", LogText.clean(resource.service()));
        json.writeStringField("kind", LogText.clean(resource.kind()));
        json.writeStringField("id", LogText.clean(resource.id()));
        json.writeFieldName("attr");
        object(json, resource.attr(), mask.resourceAttr());
        json.writeEndObject();
    }

    /** Writes {@code value}; {@code masking} is what to mask inside it, null for nothing. */
    private static void value(JsonGenerator json, Object value, AuditMask.Node masking) throws IOException {
        if (masking != null && masking.masked()) {
            json.writeString(AuditMask.MASKED);
        } else if (value instanceof String text) {
            json.writeString(LogText.clean(text));
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> map) {
            object(json, map, masking);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                value(json, element, masking);
            }
            json.writeEndArray();
        } else {
            json.writeNull(); // CEL null, the only other value a check request holds
        }
    }

    private static void object(JsonGenerator json, Map<?, ?> members, AuditMask.Node masking) throws IOException {
        if (masking != null && masking.masked()) {
            json.writeString(AuditMask.MASKED);
            return;
        }
        json.writeStartObject();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            String key = (String) member.getKey();
            json.writeFieldName(LogText.clean(key));
            value(json, member.getValue(), masking == null ? null : masking.child(key));
        }
        json.writeEndObject();
    }
}

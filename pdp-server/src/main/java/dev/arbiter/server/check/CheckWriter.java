package dev.arbiter.server.check;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.Resource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes a check request in the {@code /v1/check} shape, defaults filled in, with masked values
 * replaced and every string passed through {@code text} (the decision log makes text storable).
 */
final class CheckWriter {

    private final CheckMask mask;
    private final UnaryOperator<String> text;

    CheckWriter(CheckMask mask, UnaryOperator<String> text) {
        this.mask = mask;
        this.text = text;
    }

    void write(JsonGenerator json, CheckRequest request) throws IOException {
        json.writeStartObject();
        principal(json, request.principal());
        json.writeStringField("action", text.apply(request.action()));
        resource(json, request.resource());
        json.writeFieldName("context");
        object(json, request.context(), mask.context());
        json.writeFieldName("actionAttr");
        object(json, request.actionAttr(), mask.actionAttr());
        if (request.minRevision() > 0) {
            json.writeNumberField("minRevision", request.minRevision());
        }
        json.writeEndObject();
    }

    private void principal(JsonGenerator json, Principal principal) throws IOException {
        json.writeObjectFieldStart("principal");
        json.writeStringField("id", text.apply(principal.id()));
        json.writeStringField("type", text.apply(principal.type()));
        json.writeArrayFieldStart("roles");
        for (String role : principal.roles()) {
            json.writeString(text.apply(role));
        }
        json.writeEndArray();
        json.writeFieldName("attr");
        object(json, principal.attr(), mask.principalAttr());
        json.writeEndObject();
    }

    private void resource(JsonGenerator json, Resource resource) throws IOException {
        json.writeObjectFieldStart("resource");
        json.writeStringField("service", text.apply(resource.service()));
        json.writeStringField("kind", text.apply(resource.kind()));
        json.writeStringField("id", text.apply(resource.id()));
        json.writeFieldName("attr");
        object(json, resource.attr(), mask.resourceAttr());
        json.writeEndObject();
    }

    /** Writes {@code value}; {@code masking} is what to mask inside it, null for nothing. */
    private void value(JsonGenerator json, Object value, CheckMask.Position masking) throws IOException {
        if (masking != null && masking.masked()) {
            json.writeString(CheckMask.MASKED);
        } else if (value instanceof String string) {
            json.writeString(text.apply(string));
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

    void object(JsonGenerator json, Map<?, ?> members, CheckMask.Position masking) throws IOException {
        if (masking != null && masking.masked()) {
            json.writeString(CheckMask.MASKED);
            return;
        }
        json.writeStartObject();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            String key = (String) member.getKey();
            json.writeFieldName(text.apply(key));
            value(json, member.getValue(), masking == null ? null : masking.child(key));
        }
        json.writeEndObject();
    }
}

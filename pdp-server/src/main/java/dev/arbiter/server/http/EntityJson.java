package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.store.jdbc.DirectoryRepository;
import dev.arbiter.store.model.DirectoryApplyResult;
import dev.arbiter.store.model.ResourceRef;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.function.Function;

/** The JSON shapes of the directory's answers, written as streams without a tree. */
final class EntityJson {

    private EntityJson() {}

    static Buffer principal(StoredPrincipal entry) {
        return DecisionJson.write(256, json -> principal(json, entry));
    }

    static Buffer resource(StoredResource entry) {
        return DecisionJson.write(256, json -> resource(json, entry));
    }

    static Buffer principals(DirectoryRepository.Page<StoredPrincipal, String> page) {
        return page("principals", page, EntityJson::principal, EntityCursors::principal);
    }

    static Buffer resources(DirectoryRepository.Page<StoredResource, ResourceRef> page) {
        return page("resources", page, EntityJson::resource, EntityCursors::resource);
    }

    static Buffer applied(DirectoryApplyResult result, boolean dryRun) {
        return DecisionJson.write(256, json -> {
            json.writeStartObject();
            json.writeBooleanField("dryRun", dryRun);
            json.writeNumberField("revision", result.revision());
            counts(json, "principals", result.principals());
            counts(json, "resources", result.resources());
            json.writeEndObject();
        });
    }

    @FunctionalInterface
    private interface EntryWriter<T> {
        void write(JsonGenerator json, T entry) throws IOException;
    }

    private static <T, K> Buffer page(String name, DirectoryRepository.Page<T, K> page, EntryWriter<T> writer,
            Function<K, String> cursor) {
        return DecisionJson.write(64 + 256 * page.entries().size(), json -> {
            json.writeStartObject();
            json.writeArrayFieldStart(name);
            for (T entry : page.entries()) {
                writer.write(json, entry);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", page.next() == null ? null : cursor.apply(page.next()));
            json.writeEndObject();
        });
    }

    private static void principal(JsonGenerator json, StoredPrincipal entry) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", entry.id());
        json.writeStringField("type", entry.type());
        json.writeArrayFieldStart("roles");
        for (String role : entry.roles()) {
            json.writeString(role);
        }
        json.writeEndArray();
        json.writeFieldName("attr");
        json.writeRawValue(entry.attr());
        json.writeEndObject();
    }

    private static void resource(JsonGenerator json, StoredResource entry) throws IOException {
        json.writeStartObject();
        json.writeStringField("service", entry.service());
        json.writeStringField("kind", entry.kind());
        json.writeStringField("id", entry.id());
        json.writeFieldName("attr");
        json.writeRawValue(entry.attr());
        json.writeEndObject();
    }

    private static void counts(JsonGenerator json, String name, DirectoryApplyResult.Counts counts)
            throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("created", counts.created());
        json.writeNumberField("updated", counts.updated());
        json.writeNumberField("deleted", counts.deleted());
        json.writeNumberField("unchanged", counts.unchanged());
        json.writeEndObject();
    }
}

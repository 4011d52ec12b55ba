package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON of directory entries, both ways. */
final class DirectoryJson {

    private DirectoryJson() {}

    static byte[] changes(DirectoryChanges changes) {
        int entries = changes.principals().size() + changes.resources().size()
                + changes.deletedPrincipals().size() + changes.deletedResources().size();
        return JsonValues.document(64 + 128 * entries, generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("principals");
            for (PrincipalEntry entry : changes.principals()) {
                principal(generator, entry);
            }
            for (String id : changes.deletedPrincipals()) {
                generator.writeStartObject();
                generator.writeStringField("id", id);
                generator.writeBooleanField("deleted", true);
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("resources");
            for (ResourceEntry entry : changes.resources()) {
                resource(generator, entry, false);
            }
            for (ResourceEntry entry : changes.deletedResources()) {
                resource(generator, entry, true);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        });
    }

    private static void principal(JsonGenerator generator, PrincipalEntry entry) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", entry.id());
        if (!entry.type().isEmpty()) {
            generator.writeStringField("type", entry.type());
        }
        generator.writeArrayFieldStart("roles");
        for (String role : entry.roles()) {
            generator.writeString(role);
        }
        generator.writeEndArray();
        generator.writeFieldName("attr");
        JsonValues.writeObject(generator, entry.attr());
        generator.writeEndObject();
    }

    private static void resource(JsonGenerator generator, ResourceEntry entry, boolean deleted) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("service", entry.service());
        generator.writeStringField("kind", entry.kind());
        generator.writeStringField("id", entry.id());
        if (deleted) {
            generator.writeBooleanField("deleted", true);
        } else {
            generator.writeFieldName("attr");
            JsonValues.writeObject(generator, entry.attr());
        }
        generator.writeEndObject();
    }

    static DirectoryApplied applied(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        return new DirectoryApplied(json.bool("dryRun"), json.number("revision"), counts(json.object("principals")),
                counts(json.object("resources")));
    }

    private static DirectoryApplied.Counts counts(JsonObject json) throws MalformedAnswerException {
        return new DirectoryApplied.Counts(json.number("created"), json.number("updated"), json.number("deleted"),
                json.number("unchanged"));
    }

    static PrincipalEntry principal(JsonObject json) throws MalformedAnswerException {
        return new PrincipalEntry(json.string("id"), json.optionalString("type", ""), json.strings("roles"),
                json.members("attr"));
    }

    static ResourceEntry resource(JsonObject json) throws MalformedAnswerException {
        return new ResourceEntry(json.string("service"), json.string("kind"), json.string("id"), json.members("attr"));
    }

    static CursorPages.Page<PrincipalEntry> principals(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        List<PrincipalEntry> entries = new ArrayList<>();
        for (JsonObject entry : json.objects("principals")) {
            entries.add(principal(entry));
        }
        return new CursorPages.Page<>(entries, json.optionalString("nextCursor", null));
    }

    static CursorPages.Page<ResourceEntry> resources(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        List<ResourceEntry> entries = new ArrayList<>();
        for (JsonObject entry : json.objects("resources")) {
            entries.add(resource(entry));
        }
        return new CursorPages.Page<>(entries, json.optionalString("nextCursor", null));
    }
}

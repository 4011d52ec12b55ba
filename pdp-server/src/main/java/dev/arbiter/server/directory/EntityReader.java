package dev.arbiter.server.directory;

import static dev.arbiter.server.check.JsonReading.duplicate;
import static dev.arbiter.server.check.JsonReading.expect;
import static dev.arbiter.server.check.JsonReading.invalid;
import static dev.arbiter.server.check.JsonReading.missing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.arbiter.server.check.CelValues;
import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.check.JsonReading;
import dev.arbiter.store.model.DirectoryChanges;
import dev.arbiter.store.model.ResourceRef;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code POST /v1/entities/_apply} strictly, streaming:
 * {@code {"principals": [...], "resources": [...]}}. Unknown fields, wrong types, entries given
 * twice and values past the limits are 400s with their path; attributes are read with the same
 * limits as a check's and stored as canonical JSON.
 */
public final class EntityReader {

    /** Most entries in one apply; more is a 400 (a body this large is also past the size limit). */
    public static final int MAX_ENTRIES = 200_000;
    public static final int MAX_ID_LENGTH = 1_024;
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_ROLES = 1_000;

    private final List<StoredPrincipal> principals = new ArrayList<>();
    private final List<String> deletedPrincipals = new ArrayList<>();
    private final List<StoredResource> resources = new ArrayList<>();
    private final List<ResourceRef> deletedResources = new ArrayList<>();
    private final Set<Object> seen = new HashSet<>();

    private EntityReader() {}

    public static DirectoryChanges read(byte[] body) {
        return JsonReading.parse(body, parser -> new EntityReader().apply(parser));
    }

    private DirectoryChanges apply(JsonParser parser) throws IOException {
        Set<String> members = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!members.add(field)) {
                throw duplicate(parser, field);
            }
            JsonToken value = parser.nextToken();
            switch (field) {
                case "principals" -> entries(parser, value, this::principal);
                case "resources" -> entries(parser, value, this::resource);
                default -> throw invalid(parser, "unknown field");
            }
        }
        return new DirectoryChanges(principals, deletedPrincipals, resources, deletedResources);
    }

    @FunctionalInterface
    private interface EntryReader {
        void read(JsonParser parser) throws IOException;
    }

    private void entries(JsonParser parser, JsonToken token, EntryReader entry) throws IOException {
        expect(parser, token, JsonToken.START_ARRAY, "an array of entries");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (seen.size() == MAX_ENTRIES) {
                throw invalid(parser, "an apply holds at most " + MAX_ENTRIES + " entries");
            }
            expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "an entry object");
            entry.read(parser);
        }
    }

    private void principal(JsonParser parser) throws IOException {
        Entry entry = Entry.read(parser, Set.of("id", "type", "roles", "attr", "deleted"));
        String id = entry.required(parser, "id", MAX_ID_LENGTH);
        if (!seen.add(id)) {
            throw invalid(parser, "the principal '" + id + "' is given twice");
        }
        if (entry.deleted()) {
            entry.onlyNames(parser, "id");
            deletedPrincipals.add(id);
            return;
        }
        principals.add(new StoredPrincipal(id, entry.optional(parser, "type", MAX_NAME_LENGTH), entry.roles(parser),
                entry.attr()));
    }

    private void resource(JsonParser parser) throws IOException {
        Entry entry = Entry.read(parser, Set.of("service", "kind", "id", "attr", "deleted"));
        ResourceRef ref = new ResourceRef(entry.required(parser, "service", MAX_NAME_LENGTH),
                entry.required(parser, "kind", MAX_NAME_LENGTH), entry.required(parser, "id", MAX_ID_LENGTH));
        if (!seen.add(ref)) {
            throw invalid(parser, "the resource " + ref.service() + "/" + ref.kind() + "/" + ref.id() + " is given twice");
        }
        if (entry.deleted()) {
            entry.onlyNames(parser, "service", "kind", "id");
            deletedResources.add(ref);
            return;
        }
        resources.add(new StoredResource(ref.service(), ref.kind(), ref.id(), entry.attr()));
    }

    /** The members of one entry object as read; the parser is left on its END_OBJECT. */
    private record Entry(Map<String, Object> values) {

        static Entry read(JsonParser parser, Set<String> known) throws IOException {
            CelValues.Budget budget = new CelValues.Budget();
            Map<String, Object> values = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (!known.contains(field)) {
                    throw invalid(parser, "unknown field");
                }
                if (values.containsKey(field)) {
                    throw duplicate(parser, field);
                }
                JsonToken token = parser.nextToken();
                values.put(field, switch (field) {
                    case "attr" -> CelValues.optionalObject(parser, token, budget);
                    case "roles" -> CelValues.optionalStrings(parser, token, budget);
                    case "deleted" -> bool(parser, token);
                    default -> string(parser, token);
                });
            }
            return new Entry(values);
        }

        boolean deleted() {
            return Boolean.TRUE.equals(values.get("deleted"));
        }

        String required(JsonParser parser, String field, int maxLength) {
            String value = (String) values.get(field);
            if (value == null) {
                throw missing(parser, field);
            }
            if (value.isEmpty()) {
                throw invalid(parser, field + " must be a non-empty string");
            }
            return limited(parser, field, value, maxLength);
        }

        String optional(JsonParser parser, String field, int maxLength) {
            String value = (String) values.get(field);
            return value == null ? "" : limited(parser, field, value, maxLength);
        }

        @SuppressWarnings("unchecked")
        List<String> roles(JsonParser parser) {
            List<String> roles = (List<String>) values.getOrDefault("roles", List.of());
            if (roles.size() > MAX_ROLES) {
                throw invalid(parser, "a principal has at most " + MAX_ROLES + " roles");
            }
            roles.forEach(role -> limited(parser, "roles", role, MAX_NAME_LENGTH));
            return roles;
        }

        @SuppressWarnings("unchecked")
        String attr() {
            return CheckCodec.writeObject((Map<String, Object>) values.getOrDefault("attr", Map.of()));
        }

        /** A deletion names the entry and nothing else. */
        void onlyNames(JsonParser parser, String... names) {
            Set<String> allowed = new HashSet<>(List.of(names));
            allowed.add("deleted");
            for (String field : values.keySet()) {
                if (!allowed.contains(field)) {
                    throw invalid(parser, "a deletion names only the entry; '" + field + "' does not belong in it");
                }
            }
        }

        private static String limited(JsonParser parser, String field, String value, int maxLength) {
            if (value.length() > maxLength) {
                throw invalid(parser, field + " must be at most " + maxLength + " characters");
            }
            return value;
        }

        private static String string(JsonParser parser, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(parser, token, JsonToken.VALUE_STRING, "a string");
            return parser.getText();
        }

        private static Boolean bool(JsonParser parser, JsonToken token) {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw invalid(parser, "must be true or false");
            }
            return token == JsonToken.VALUE_TRUE;
        }
    }
}

package dev.arbiter.client;

import java.util.Map;

/** What Arbiter's directory knows about a resource of a service: its attributes win over the caller's. */
public record ResourceEntry(String service, String kind, String id, Map<String, Object> attr) {

    public ResourceEntry {
        Checks.requireText(service, "resource service");
        Checks.requireText(kind, "resource kind");
        Checks.requireText(id, "resource id");
        attr = JsonValues.object(attr, "attr");
    }

    public static ResourceEntry of(String service, String kind, String id) {
        return new ResourceEntry(service, kind, id, Map.of());
    }

    public ResourceEntry attr(String key, Object value) {
        return new ResourceEntry(service, kind, id, JsonValues.with(attr, key, value, "attr"));
    }
}

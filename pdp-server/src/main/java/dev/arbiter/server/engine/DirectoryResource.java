package dev.arbiter.server.engine;

import java.util.Map;

/** What the directory knows about a resource, keyed by service, kind and id. {@code attr} holds CEL-ready values. */
public record DirectoryResource(String service, String kind, String id, Map<String, Object> attr) {

    public ResourceKey key() {
        return new ResourceKey(service, kind, id);
    }
}

package dev.arbiter.server.engine;

import java.util.Map;

/**
 * What the directory knows about a resource, keyed by service, kind and id. {@code attr} holds
 * CEL-ready values. The service and kind, which many entries repeat, are interned.
 */
public record DirectoryResource(String service, String kind, String id, Map<String, Object> attr) {

    public DirectoryResource {
        service = service.intern();
        kind = kind.intern();
    }

    public ResourceKey key() {
        return new ResourceKey(service, kind, id);
    }
}

package dev.arbiter.server.engine;

import java.util.Objects;

/**
 * A resource's identity in the directory. Its hash is computed once, and equality compares the id
 * first: in a directory of many entries of one service and kind, the id is what tells two apart,
 * and the stored service and kind strings are shared by every entry (so they stay in the CPU's
 * caches while ids do not).
 */
public final class ResourceKey {

    private final String service;
    private final String kind;
    private final String id;
    private final int hash;

    public ResourceKey(String service, String kind, String id) {
        this.service = Objects.requireNonNull(service, "service");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
        this.hash = 31 * (31 * service.hashCode() + kind.hashCode()) + id.hashCode();
    }

    public String service() {
        return service;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceKey key && hash == key.hash && id.equals(key.id) && kind.equals(key.kind)
                && service.equals(key.service);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return service + "/" + kind + "/" + id;
    }
}

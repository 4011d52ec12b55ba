package dev.arbiter.store.model;

/**
 * A resource's entry in the directory, as stored.
 *
 * @param attr its attributes as the text of a JSON object
 */
public record StoredResource(String service, String kind, String id, String attr) {

    public ResourceRef ref() {
        return new ResourceRef(service, kind, id);
    }
}

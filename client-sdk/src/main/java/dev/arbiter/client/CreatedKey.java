package dev.arbiter.client;

/** A new key and its token, which the server shows only this once. */
public record CreatedKey(ApiKey key, String token) {

    @Override
    public String toString() {
        return "CreatedKey[key=" + key + ", token=<hidden>]";
    }
}

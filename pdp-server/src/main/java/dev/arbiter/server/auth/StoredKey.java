package dev.arbiter.server.auth;

/** A key with the hash of its token, as the store holds it. */
public record StoredKey(ApiKey key, byte[] tokenHash) {}

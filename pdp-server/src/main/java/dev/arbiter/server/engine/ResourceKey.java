package dev.arbiter.server.engine;

/** A resource's identity in the directory. */
public record ResourceKey(String service, String kind, String id) {}

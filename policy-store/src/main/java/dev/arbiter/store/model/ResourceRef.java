package dev.arbiter.store.model;

/** A resource's identity in the directory: its service, kind and id. */
public record ResourceRef(String service, String kind, String id) {}

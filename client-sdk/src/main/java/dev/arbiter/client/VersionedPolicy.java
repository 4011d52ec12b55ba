package dev.arbiter.client;

import java.util.Optional;

/** A policy as one version of its history wrote it; a deletion holds no policy. */
public record VersionedPolicy(PolicyVersion version, Optional<Policy> policy) {}

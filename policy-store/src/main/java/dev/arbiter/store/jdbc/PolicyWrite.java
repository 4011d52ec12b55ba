package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.StoredPolicy;

/** The outcome of a create-or-replace: the stored version and whether it created the policy. */
public record PolicyWrite(StoredPolicy stored, boolean created) {}

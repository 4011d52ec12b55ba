package dev.arbiter.client;

/**
 * What dry-run policies would have decided instead, when they disagree with the real decision on
 * {@code allow}; it then names the dry-run rule responsible ({@code policy} and {@code rule} are
 * null for a default deny).
 */
public record Shadow(boolean allow, String policy, String rule) {}

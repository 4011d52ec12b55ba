package dev.arbiter.server.engine;

/**
 * What a decision would have been with the dry-run policies enforced too, kept only when that
 * differs from the real decision in {@code allow}. It then always names the dry-run rule that
 * would have flipped the decision.
 */
public record Shadow(boolean allow, String policy, String rule) {}

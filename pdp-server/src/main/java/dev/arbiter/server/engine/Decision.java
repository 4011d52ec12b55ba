package dev.arbiter.server.engine;

/**
 * The engine's answer.
 *
 * @param policy the id of the deciding policy, or null on default deny
 * @param rule the name of the deciding rule, or null on default deny
 * @param revision the store revision of the policies the decision was made on
 * @param reason why, for a person
 */
public record Decision(boolean allow, String policy, String rule, long revision, String reason) {}

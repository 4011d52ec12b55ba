package dev.arbiter.server.fuzz;

/**
 * What the generator knows of the server under test: tokens to get past authentication, and the
 * objects that exist, which writes must never reach.
 *
 * @param port where the server listens
 * @param adminToken a token with every role
 * @param checkToken a token with the role check only
 * @param policyId a stored policy, with version 1
 * @param decisionId a decision in the log
 */
public record FuzzFixture(int port, String adminToken, String checkToken, String policyId, String decisionId) {}

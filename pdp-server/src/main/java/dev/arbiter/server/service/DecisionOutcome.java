package dev.arbiter.server.service;

import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Explanation;
import java.util.UUID;

/**
 * One decision as every front door renders it, with the id it is logged under.
 *
 * @param explanation how every rule of the applying policies fared and what the directory added,
 *     or null when not asked for
 */
public record DecisionOutcome(UUID decisionId, Decision decision, Explanation explanation) {}

package dev.arbiter.server.service;

import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.RuleExplanation;
import java.util.List;
import java.util.UUID;

/**
 * One decision as every front door renders it, with the id it is logged under.
 *
 * @param explain how every rule of the applying policies fared, or null when not asked for
 */
public record DecisionOutcome(UUID decisionId, Decision decision, List<RuleExplanation> explain) {}

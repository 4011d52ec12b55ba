package dev.arbiter.client;

import java.time.Instant;
import java.util.List;

/** Which logged decision this is and what it was about. */
public record DecisionSubject(String decisionId, Instant time, String principalId, List<String> principalRoles,
        String action, String service, String kind, String resourceId) {

    public DecisionSubject {
        principalRoles = List.copyOf(principalRoles);
    }
}

package dev.arbiter.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Decision records as auditors read them through the API. */
public final class LoggedRecords {

    private LoggedRecords() {}

    /** The record of {@code decisionId} as the auditor API answers it, once it is there. */
    public static JsonNode await(ApiClient auditor, String decisionId, Duration timeout) {
        return Eventually.await(timeout, "decision " + decisionId + " in the log", () -> {
            ApiClient.Response response = auditor.get("/v1/decisions/" + decisionId);
            return response.status() == 200 ? response.json() : null;
        });
    }
}

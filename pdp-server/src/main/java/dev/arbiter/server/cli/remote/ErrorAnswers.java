package dev.arbiter.server.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.cli.CommandFailure;

/** The server's error answers ({@code {"error": {code, message, details}}}) as command failures. */
final class ErrorAnswers {

    private ErrorAnswers() {}

    static CommandFailure failure(int status, JsonNode body, String call) {
        JsonNode error = body == null ? null : body.path("error");
        if (status / 100 == 2 || error == null || !error.isObject()) {
            return CommandFailure.server(call + " answered " + status + " without the JSON the tool expects; is this an"
                    + " Arbiter server?");
        }
        String said = error.path("message").asText() + " (" + status + " " + error.path("code").asText() + ")";
        return switch (status) {
            case 401 -> CommandFailure.server("the server refused the token: " + said);
            case 403 -> CommandFailure.server("the token may not do this; it needs the role policy-admin: " + said);
            case 412 -> CommandFailure.server(said
                    + "; the store changed since the plan was shown: run the command again");
            case 422 -> CommandFailure.failed("the server refused the policies: " + said
                    + details(error.path("details")));
            default -> CommandFailure.server(call + " failed: " + said);
        };
    }

    private static String details(JsonNode details) {
        StringBuilder lines = new StringBuilder();
        for (JsonNode detail : details) {
            lines.append("\n  ").append(detail.path("path").asText()).append(": ")
                    .append(detail.path("message").asText());
        }
        return lines.toString();
    }
}

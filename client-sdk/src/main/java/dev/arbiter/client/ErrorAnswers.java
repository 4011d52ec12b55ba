package dev.arbiter.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns an error answer into an {@link ArbiterApiException}, even when its body is not the envelope. */
final class ErrorAnswers {

    private static final int MAX_QUOTED_BODY = 200;

    private ErrorAnswers() {}

    static ArbiterApiException toException(int status, byte[] body) {
        try {
            JsonObject error = JsonObject.parse(body).object("error");
            List<ArbiterApiException.Problem> details = new ArrayList<>();
            for (JsonObject problem : error.objects("details")) {
                details.add(problem(problem));
            }
            return new ArbiterApiException(status, error.string("code"), error.string("message"), details);
        } catch (MalformedAnswerException | ArithmeticException notTheEnvelope) {
            return new ArbiterApiException(status, "http_" + status, "the server answered " + status + ": "
                    + quote(body), List.of());
        }
    }

    /** A located problem: {@code path}, {@code rule}, {@code message}, {@code line}, {@code column}. */
    static ArbiterApiException.Problem problem(JsonObject json) throws MalformedAnswerException {
        return new ArbiterApiException.Problem(json.optionalString("path", ""), json.optionalString("rule", null),
                json.optionalString("message", ""), json.optionalInt("line"), json.optionalInt("column"));
    }

    /** The start of a body, for messages about answers that were not understood. */
    static String quote(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX_QUOTED_BODY), StandardCharsets.UTF_8);
        return body.length > MAX_QUOTED_BODY ? "'" + text + "…'" : "'" + text + "'";
    }
}

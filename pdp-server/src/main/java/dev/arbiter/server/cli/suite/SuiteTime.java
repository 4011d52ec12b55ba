package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.Problem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The {@code now} of a suite or a test: an RFC 3339 time, as microseconds since the epoch. */
final class SuiteTime {

    private SuiteTime() {}

    /** {@code node}'s time; {@code 0} with a problem added when it is not one. */
    static long micros(JsonNode node, String path, List<Problem> problems) {
        if (node.isTextual()) {
            try {
                return micros(OffsetDateTime.parse(node.textValue()).toInstant());
            } catch (DateTimeParseException e) {
                // said below, with an example
            }
        }
        problems.add(Problem.at(path, "must be an RFC 3339 time such as \"2026-03-14T10:00:00Z\", found "
                + (node.isTextual() ? "'" + node.textValue() + "'" : JsonFields.describe(node))));
        return 0;
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}

package dev.arbiter.server.http;

import dev.arbiter.server.audit.query.Cursor;
import dev.arbiter.server.audit.query.DecisionFilter;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.service.FrontDoor;
import dev.arbiter.store.model.JsonEnum;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters of the decision-log endpoints, strictly validated: an unknown or repeated
 * parameter, or a value of the wrong form, is a 400 naming the parameter, because a mistyped
 * filter must never quietly widen what an auditor sees.
 */
final class DecisionParams {

    static final Set<String> FILTERS = Set.of("from", "to", "principal", "service", "action", "allow", "policy",
            "rule", "caller", "resource", "minLatencyMicros", "api", "traceId");
    private static final int MAX_TEXT = 4_096;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MultiMap params;

    private DecisionParams(MultiMap params) {
        this.params = params;
    }

    /** The parameters of a request that may carry only {@code allowed} ones. */
    static DecisionParams of(MultiMap params, Set<String> allowed) {
        for (String name : params.names()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(name, "unknown parameter; this endpoint takes "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            if (params.getAll(name).size() > 1) {
                throw ApiException.badRequest(name, "given more than once");
            }
        }
        return new DecisionParams(params);
    }

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    static Set<String> with(Set<String> base, String... more) {
        Set<String> names = new LinkedHashSet<>(base);
        names.addAll(Arrays.asList(more));
        return names;
    }

    /** The filter parameters; {@code from} must come before {@code to}. */
    DecisionFilter filter() {
        Instant from = instant("from");
        Instant to = instant("to");
        requireOrder(from, to);
        return new DecisionFilter(from, to, text("principal"), text("service"), text("action"), bool("allow"),
                text("policy"), text("rule"), text("caller"), text("resource"),
                integer("minLatencyMicros", 0, Integer.MAX_VALUE), api(), traceId());
    }

    /** A front door's name, as the log records it; a misspelt one is refused rather than matching nothing. */
    private String api() {
        String value = text("api");
        if (value != null && Arrays.stream(FrontDoor.values()).noneMatch(door -> door.api().equals(value))) {
            throw ApiException.badRequest("api", "must be one of " + Arrays.stream(FrontDoor.values())
                    .map(FrontDoor::api).collect(Collectors.joining(", ")) + ", not '" + value + "'");
        }
        return value;
    }

    private String traceId() {
        String value = text("traceId");
        if (value != null && !TRACE_ID.matcher(value).matches()) {
            throw ApiException.badRequest("traceId", "must be a W3C trace id: 32 lowercase hexadecimal digits");
        }
        return value;
    }

    static void requireOrder(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("from", "must be before to");
        }
    }

    /**
     * An ISO-8601 time with offset ({@code 2026-11-22T10:15:30Z}) or a date (UTC midnight). A '+'
     * of an offset that was not percent-encoded arrives as a space, and is read as the '+'.
     */
    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        String iso = value.replace(' ', '+');
        Instant instant;
        try {
            instant = iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 time such as 2026-11-22T10:15:30Z"
                    + " or a date such as 2026-11-22, not '" + value + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.badRequest(name, "must be between the years 1 and 9999");
        }
        return instant;
    }

    /** A non-empty value, or null when the parameter is absent. */
    String text(String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw ApiException.badRequest(name, "must not be empty");
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.badRequest(name, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.badRequest(name, "must be true or false, not '" + value + "'");
        };
    }

    Integer integer(String name, int min, int max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ApiException.badRequest(name, "must be a whole number from " + min + " to " + max + ", not '"
                + value + "'");
    }

    Cursor cursor() {
        String value = text("cursor");
        if (value == null) {
            return null;
        }
        try {
            return Cursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor", e.getMessage());
        }
    }

    /** One of {@code type}'s spellings, or {@code fallback} when absent (null: the parameter is required). */
    <E extends Enum<E> & JsonEnum> E choice(String name, Class<E> type, E fallback) {
        String value = text(name);
        if (value == null) {
            if (fallback == null) {
                throw ApiException.badRequest(name, "is required; one of " + spellings(type));
            }
            return fallback;
        }
        E choice = JsonEnum.fromJson(type, value);
        if (choice == null) {
            throw ApiException.badRequest(name, "must be one of " + spellings(type) + ", not '" + value + "'");
        }
        return choice;
    }

    private static <E extends Enum<E> & JsonEnum> String spellings(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(JsonEnum::json).toList());
    }

    /** A decision id in its canonical text form; anything else is a 400, not a lookup. */
    static UUID decisionId(String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw ApiException.badRequest("decisionId", "must be a UUID such as 0193c4e6-7a1b-7c3d-8e4f-0123456789ab");
        }
        return UUID.fromString(value);
    }
}

package dev.arbiter.server.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the decision log behaves; read from {@code ARBITER_AUDIT_*} variables (see the README).
 *
 * @param required deny checks with reason "audit unavailable" when their record cannot be kept
 * @param mask attribute paths stored as {@code "***"} in the logged input
 * @param retentionDays days of records kept before whole daily partitions are dropped
 * @param spillMaxBytes how large the spill file may grow while the database is unreachable
 * @param queueCapacity records waiting for the ingest thread
 * @param queueWaitMillis how long a check's answer waits for room in a full queue while the log is
 *     working, before its record counts as lost (or the check is refused when required)
 */
public record AuditConfig(boolean required, AuditMask mask, int retentionDays, long spillMaxBytes,
        int queueCapacity, int queueWaitMillis) {

    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final int DEFAULT_SPILL_MAX_MB = 1024;
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;
    public static final int DEFAULT_QUEUE_WAIT_MS = 1000;
    /**
     * Masked unless ARBITER_AUDIT_MASK says otherwise: the credentials among the headers Envoy's
     * ext_authz front door puts in {@code context.headers} (they are the application's, not Arbiter's).
     */
    public static final List<String> DEFAULT_MASK = List.of("context.headers.authorization",
            "context.headers.proxy-authorization", "context.headers.cookie", "context.headers.set-cookie");
    private static final long MB = 1024L * 1024;

    public AuditConfig {
        if (retentionDays < 1 || retentionDays > 36_500) {
            throw new IllegalArgumentException(
                    "ARBITER_AUDIT_RETENTION_DAYS must be between 1 and 36500, not " + retentionDays);
        }
        if (spillMaxBytes < 1) {
            throw new IllegalArgumentException("ARBITER_AUDIT_SPILL_MAX_MB must be at least 1");
        }
        if (queueCapacity < 1 || queueCapacity > 10_000_000) {
            throw new IllegalArgumentException(
                    "ARBITER_AUDIT_QUEUE_CAPACITY must be between 1 and 10000000, not " + queueCapacity);
        }
        if (queueWaitMillis < 0 || queueWaitMillis > 60_000) {
            throw new IllegalArgumentException(
                    "ARBITER_AUDIT_QUEUE_WAIT_MS must be between 0 and 60000, not " + queueWaitMillis);
        }
    }

    /** Reads the {@code ARBITER_AUDIT_*} variables, applying the documented defaults. */
    public static AuditConfig fromEnvironment(Map<String, String> env) {
        return new AuditConfig(
                bool(env, "ARBITER_AUDIT_REQUIRED"),
                AuditMask.of(env.containsKey("ARBITER_AUDIT_MASK") ? list(env.get("ARBITER_AUDIT_MASK")) : DEFAULT_MASK),
                integer(env, "ARBITER_AUDIT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS),
                integer(env, "ARBITER_AUDIT_SPILL_MAX_MB", DEFAULT_SPILL_MAX_MB) * MB,
                integer(env, "ARBITER_AUDIT_QUEUE_CAPACITY", DEFAULT_QUEUE_CAPACITY),
                integer(env, "ARBITER_AUDIT_QUEUE_WAIT_MS", DEFAULT_QUEUE_WAIT_MS));
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }

    /** A comma-separated list; blanks around entries are ignored, empty entries dropped. */
    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }
}

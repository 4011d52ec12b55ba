package dev.arbiter.server.service;

import java.util.regex.Pattern;

/**
 * The trace a request belongs to, from a W3C {@code traceparent} header
 * ({@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}). A header that is not a valid
 * traceparent is ignored, as the W3C recommendation says: it never fails a request.
 *
 * @param traceId 32 lowercase hexadecimal digits
 * @param parentSpanId the caller's span, 16 lowercase hexadecimal digits
 * @param flags the trace flags; bit 0 says the caller sampled the trace
 */
public record TraceContext(String traceId, String parentSpanId, byte flags) {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}.*");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_PARENT_ID = "0".repeat(16);

    /** The trace of {@code traceparent}, or null when there is none or it is not valid: no header costs a null check. */
    public static TraceContext parse(String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || !TRACEPARENT.matcher(traceparent).matches()
                || traceparent.startsWith("ff")) {
            return null;
        }
        String traceId = traceparent.substring(3, 35);
        String parentId = traceparent.substring(36, 52);
        if (traceId.equals(INVALID_TRACE_ID) || parentId.equals(INVALID_PARENT_ID)
                || (traceparent.startsWith("00") && traceparent.length() != 55)) {
            return null;
        }
        byte flags = (byte) (Character.digit(traceparent.charAt(53), 16) << 4 | Character.digit(traceparent.charAt(54), 16));
        return new TraceContext(traceId, parentId, flags);
    }
}

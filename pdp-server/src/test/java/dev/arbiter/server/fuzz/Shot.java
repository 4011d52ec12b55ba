package dev.arbiter.server.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One hostile request.
 *
 * @param index its number in the run; with the seed, enough to generate it again
 * @param target the endpoint it aims at, e.g. {@code PUT /v1/policies/{id}}
 * @param mutations what was done to it, for the report
 * @param head whether it is a HEAD request, whose answer has no body
 * @param bytes the whole request as sent
 * @param halfClose whether the client stops sending after {@code bytes} (a body cut off mid-way)
 */
public record Shot(long index, String target, String mutations, boolean head, byte[] bytes, boolean halfClose) {

    /** A server may close a connection whose client stopped sending mid-request without answering. */
    public boolean mayGoUnanswered() {
        return halfClose;
    }

    /**
     * Whether the request line names an HTTP version other than 1.0 and 1.1: the HTTP layer answers
     * those with 501 (Vert.x offers no hook before it), before any of Arbiter's code runs.
     */
    public boolean unsupportedVersion() {
        String text = new String(bytes, 0, Math.min(bytes.length, 16_384), StandardCharsets.ISO_8859_1);
        String line = text.lines().findFirst().orElse("").strip();
        String version = line.substring(line.lastIndexOf(' ') + 1);
        return !version.equals("HTTP/1.0") && !version.equals("HTTP/1.1");
    }

    /** The request for a report: its first bytes, with control and non-ASCII bytes escaped. */
    public String preview(int limit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(limit, bytes.length); i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r') {
                text.append("\\r");
            } else if (b == '\n') {
                text.append("\\n\n");
            } else if (b < 0x20 || b >= 0x7F) {
                text.append(String.format("\\x%02X", b));
            } else {
                text.append((char) b);
            }
        }
        if (bytes.length > limit) {
            text.append("… (").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }
}

package dev.arbiter.server.audit.query;

import dev.arbiter.server.audit.LoggedDecision;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in the log, newest first: the (decision time, decision id) of the last record a page
 * held. The next page starts strictly after it, so records inserted meanwhile never shift pages.
 * Its text form is opaque to callers (base64url of a version byte, the time and the id).
 */
public record Cursor(long decidedAtMicros, UUID decisionId) {

    private static final byte VERSION = 1;
    private static final int BYTES = 1 + 8 + 16;

    public static Cursor after(LoggedDecision last) {
        return new Cursor(last.decidedAtMicros(), last.decisionId());
    }

    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).put(VERSION).putLong(decidedAtMicros)
                .putLong(decisionId.getMostSignificantBits()).putLong(decisionId.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** @throws IllegalArgumentException when {@code token} is not a cursor this API issued */
    public static Cursor decode(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor returned by this API", e);
        }
        if (bytes.length != BYTES || bytes[0] != VERSION) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, BYTES - 1);
        return new Cursor(buffer.getLong(), new UUID(buffer.getLong(), buffer.getLong()));
    }
}

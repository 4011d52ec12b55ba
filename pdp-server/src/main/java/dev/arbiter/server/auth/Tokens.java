package dev.arbiter.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Token generation and hashing. Tokens carry 256 random bits, so a fast hash suffices to store them. */
public final class Tokens {

    private static final String PREFIX = "arb_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Every request's token is hashed: one digest per thread spares the provider lookup each time. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Tokens::sha256);

    private Tokens() {}

    /** A new token: "arb_" and 256 random bits in URL-safe base64. */
    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The SHA-256 of the token, which is all the store keeps. */
    public static byte[] hash(String token) {
        return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

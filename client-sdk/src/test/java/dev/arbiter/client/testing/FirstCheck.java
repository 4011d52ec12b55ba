package dev.arbiter.client.testing;

import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.Decision;
import java.time.Duration;

/**
 * A service's first moments, in a JVM of its own: build the client with its defaults, then ask
 * one question at once. Prints the decision and how long the check took.
 *
 * <p>Arguments: the server's base URL, a token with role check, and optionally the warm-up budget
 * in milliseconds (default: the client's).
 */
public final class FirstCheck {

    private FirstCheck() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        ArbiterClient.Builder builder = ArbiterClient.builder().endpoints(args[0]).token(args[1]);
        if (args.length > 2) {
            builder.warmUp(Duration.ofMillis(Long.parseLong(args[2])));
        }
        try (ArbiterClient client = builder.build()) {
            long built = System.nanoTime();
            Decision decision = client.check(DesignExample.chargeCheck(5000));
            long checked = System.nanoTime();
            System.out.println("allow=" + decision.allow() + " failure=" + decision.failure() + " buildMillis="
                    + (built - started) / 1_000_000 + " checkMillis=" + (checked - built) / 1_000_000
                    + " reason=" + decision.reason());
        }
    }
}

package dev.arbiter.server.service;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: UUIDv7, so ids sort by time and index well in the decision log; the id carries the
 * millisecond of the decision, which is how the log finds a record by id alone.
 */
final class DecisionIds {

    private DecisionIds() {}

    static UUID at(long millis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}

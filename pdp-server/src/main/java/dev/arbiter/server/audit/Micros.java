package dev.arbiter.server.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Decision times are microseconds since the epoch, PostgreSQL's timestamp precision. */
public final class Micros {

    /** Microseconds in a day: decision-log batches and partitions never span two UTC days. */
    public static final long DAY = 86_400_000_000L;

    private Micros() {}

    public static long now() {
        return of(Instant.now());
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static Instant toInstant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    public static OffsetDateTime toOffsetDateTime(long micros) {
        return toInstant(micros).atOffset(ZoneOffset.UTC);
    }

    public static long of(OffsetDateTime time) {
        return of(time.toInstant());
    }
}

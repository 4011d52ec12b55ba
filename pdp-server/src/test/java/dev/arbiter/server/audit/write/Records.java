package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Decision records and batches for the decision log's own tests. */
final class Records {

    private Records() {}

    /** A record of an allowed check by {@code principal}, decided at {@code time}. */
    static DecisionRecord at(Instant time, String principal) {
        long micros = Micros.of(time);
        UUID id = idAt(micros);
        CheckRequest request = new CheckRequest(new Principal(principal, List.of("service"), Map.of("env", "prod")),
                "charges:create", new Resource("payments", "charge", "ch_1", Map.of("amount", 5000L)),
                Map.of("sourceIp", "10.1.2.3"), 0);
        return new DecisionRecord(id, micros, request,
                new Decision(true, "payments-api", "checkout-can-charge", 1, "allowed by payments-api/checkout-can-charge"),
                "checkout", 42, "check", "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    /** A random UUIDv7 of the millisecond of {@code micros}, as decision ids are. */
    static UUID idAt(long micros) {
        long millis = Math.floorDiv(micros, 1_000);
        return new UUID((millis << 16) | 0x7000L | ThreadLocalRandom.current().nextLong(0x1000),
                ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
    }

    /** One batch of {@code count} records decided from {@code time} on, a microsecond apart. */
    static LogBatch batch(long seq, Instant time, int count) {
        BatchAssembler assembler = new BatchAssembler(AuditMask.NONE);
        for (int i = 0; i < count; i++) {
            assembler.add(at(time.plusNanos(i * 1_000L), "p" + i));
        }
        return assembler.build(seq);
    }
}

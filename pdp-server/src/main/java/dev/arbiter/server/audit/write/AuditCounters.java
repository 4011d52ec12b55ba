package dev.arbiter.server.audit.write;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of the decision log; the check path only ever adds to the contended ones. */
final class AuditCounters {

    final LongAdder lost = new LongAdder();
    final LongAdder refused = new LongAdder();
    final AtomicLong written = new AtomicLong();
    final AtomicLong spilled = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
}

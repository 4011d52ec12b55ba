package dev.arbiter.server.audit.integrity;

import java.time.Instant;

/**
 * The outcome of re-computing the chain over a time window.
 *
 * @param batches batches whose links were checked
 * @param records records re-hashed against their batch's digest
 * @param headSeq the last batch checked, null when none
 * @param headHash its hash; an auditor who keeps it can later detect a rewrite of everything before it
 * @param firstBreak the earliest problem in chain order, null when the log is intact
 */
public record VerifyReport(Instant from, Instant to, long batches, long records, Long headSeq, byte[] headHash,
        ChainBreak firstBreak) {

    public boolean valid() {
        return firstBreak == null;
    }
}

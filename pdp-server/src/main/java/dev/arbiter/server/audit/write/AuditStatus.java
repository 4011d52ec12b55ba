package dev.arbiter.server.audit.write;

/**
 * The decision log's counters since the server started, as {@code /health/ready} reports them.
 *
 * @param state {@code writing} (straight to the database), {@code spilling} (the database is
 *     unreachable or behind; records go to the spill file) or {@code unavailable} (neither the
 *     database nor the spill takes records)
 * @param queued records handed over by checks, waiting for the writer
 * @param written records committed to the database
 * @param spilled records written to the spill file
 * @param spillPending records in the spill file not yet replayed into the database
 * @param lost records that could not be kept: the queue was full, or a damaged spill file
 * @param refused checks denied with "audit unavailable" (ARBITER_AUDIT_REQUIRED=true only)
 * @param rejected records the database refused as invalid, kept in the spill's rejected folder
 */
public record AuditStatus(String state, long queued, long written, long spilled, long spillPending, long lost,
        long refused, long rejected) {}

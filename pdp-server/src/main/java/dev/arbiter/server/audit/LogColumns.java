package dev.arbiter.server.audit;

import java.util.List;
import java.util.UUID;

/**
 * The columns of one record of the decision log, in the order of its tuple: a record read back
 * from the table ({@link LoggedDecision}) or a decision being written ({@link PendingRecord}).
 * Text is already storable (see {@link LogText}).
 */
public interface LogColumns {

    UUID decisionId();

    long decidedAtMicros();

    String principalId();

    List<String> principalRoles();

    String action();

    String resourceService();

    String resourceKind();

    String resourceId();

    boolean allow();

    String policy();

    String rule();

    long revision();

    String reason();

    String caller();

    int latencyMicros();

    /** Appends the {@code input} column's JSON text as UTF-8. */
    void writeInput(ByteSink out);

    String shadow();

    UUID batchId();

    String api();

    String traceId();
}

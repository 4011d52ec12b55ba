package dev.arbiter.server.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The records of the {@code decisions} table in PostgreSQL's binary COPY format. The same tuple
 * bytes are what a batch's digest is computed over, so verification re-encodes what it reads
 * back and compares: the format is exact (lengths, not escaping) and covers every column.
 *
 * <p>A batch says which format its records were hashed in: format 1 has the first eighteen
 * columns; format 2, written since, adds {@code api} and {@code trace_id}. Batches written before
 * the columns existed verify in their own format.
 */
public final class CopyFormat {

    public static final int FIRST = 1;
    /** The format new batches are written in. */
    public static final int CURRENT = 2;

    private static final String FIRST_COLUMNS = "decision_id, decided_at, principal_id, principal_roles, action,"
            + " resource_service, resource_kind, resource_id, allow, policy_id, rule_name, revision, reason, caller,"
            + " latency_micros, input, shadow, batch_id";
    /** Every column of the current format, in tuple order. */
    public static final String COLUMNS = FIRST_COLUMNS + ", api, trace_id";

    /** Signature, flags and header extension length. */
    public static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    public static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    private static final int FIRST_FIELDS = 18;
    private static final int FIELDS = 20;
    /** PostgreSQL counts time from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int TEXT_OID = 25;
    private static final int NULL = -1;

    private CopyFormat() {}

    /** The COPY statement that takes tuples of {@code format}. */
    public static String copyIn(int format) {
        return "COPY decisions (" + (format == FIRST ? FIRST_COLUMNS : COLUMNS) + ") FROM STDIN (FORMAT binary)";
    }

    /** Appends {@code record} as a tuple of {@code format}. */
    public static void tuple(ByteSink out, LogColumns record, int format) {
        out.putShort(format == FIRST ? FIRST_FIELDS : FIELDS);
        uuid(out, record.decisionId());
        out.putInt(8);
        out.putLong(record.decidedAtMicros() - POSTGRES_EPOCH_MICROS);
        text(out, record.principalId());
        textArray(out, record.principalRoles());
        text(out, record.action());
        text(out, record.resourceService());
        text(out, record.resourceKind());
        text(out, record.resourceId());
        out.putInt(1);
        out.put(record.allow() ? (byte) 1 : (byte) 0);
        text(out, record.policy());
        text(out, record.rule());
        out.putInt(8);
        out.putLong(record.revision());
        text(out, record.reason());
        text(out, record.caller());
        out.putInt(4);
        out.putInt(record.latencyMicros());
        int inputLength = out.reserveInt(); // json's binary form is its text
        record.writeInput(out);
        out.putIntAt(inputLength, out.length() - inputLength - 4);
        text(out, record.shadow());
        uuid(out, record.batchId());
        if (format != FIRST) {
            text(out, record.api());
            text(out, record.traceId());
        }
    }

    private static void uuid(ByteSink out, UUID value) {
        if (value == null) {
            out.putInt(NULL);
            return;
        }
        out.putInt(16);
        out.putLong(value.getMostSignificantBits());
        out.putLong(value.getLeastSignificantBits());
    }

    private static void text(ByteSink out, String value) {
        if (value == null) {
            out.putInt(NULL);
            return;
        }
        int length = out.reserveInt();
        out.putUtf8(value);
        out.putIntAt(length, out.length() - length - 4);
    }

    /** A one-dimensional text[]: dimensions, null flag, element type, then the elements. */
    private static void textArray(ByteSink out, List<String> values) {
        byte[][] elements = new byte[values.size()][];
        int size = 12 + (values.isEmpty() ? 0 : 8);
        for (int i = 0; i < elements.length; i++) {
            elements[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + elements[i].length;
        }
        out.putInt(size);
        out.putInt(values.isEmpty() ? 0 : 1);
        out.putInt(0);
        out.putInt(TEXT_OID);
        if (!values.isEmpty()) {
            out.putInt(values.size());
            out.putInt(1);
        }
        for (byte[] element : elements) {
            out.putInt(element.length);
            out.put(element);
        }
    }
}

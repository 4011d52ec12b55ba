package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.audit.integrity.ChainBreak;
import dev.arbiter.server.audit.integrity.VerifyReport;
import dev.arbiter.server.audit.query.DecisionQueries;
import dev.arbiter.server.audit.query.StatsQuery;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HexFormat;

/** The JSON shapes of the decision log's answers, written as streams without a tree. */
final class LoggedDecisionJson {

    private LoggedDecisionJson() {}

    static Buffer one(LoggedDecision record) {
        return DecisionJson.write(1024, json -> record(json, record));
    }

    static Buffer page(DecisionQueries.Page page) {
        return DecisionJson.write(64 + 1024 * page.decisions().size(), json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("decisions");
            for (LoggedDecision record : page.decisions()) {
                record(json, record);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", page.next() == null ? null : page.next().encode());
            json.writeEndObject();
        });
    }

    /** One record as an NDJSON line. */
    static void line(LoggedDecision record, OutputStream out) throws IOException {
        try (JsonGenerator json = DecisionJson.FACTORY.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            record(json, record);
        }
        out.write('\n');
    }

    static void record(JsonGenerator json, LoggedDecision record) throws IOException {
        json.writeStartObject();
        subject(json, record);
        json.writeBooleanField("allow", record.allow());
        json.writeStringField("policy", record.policy());
        json.writeStringField("rule", record.rule());
        json.writeNumberField("revision", record.revision());
        json.writeStringField("reason", record.reason());
        json.writeStringField("caller", record.caller());
        json.writeStringField("api", record.api());
        json.writeStringField("traceId", record.traceId());
        json.writeNumberField("latencyMicros", record.latencyMicros());
        json.writeFieldName("input");
        json.writeRawValue(record.input());
        json.writeFieldName("shadow");
        if (record.shadow() == null) {
            json.writeNull();
        } else {
            json.writeRawValue(record.shadow());
        }
        json.writeEndObject();
    }

    /** The members saying which decision this is and what it was about: id, time, principal, action, resource. */
    static void subject(JsonGenerator json, LoggedDecision record) throws IOException {
        json.writeStringField("decisionId", record.decisionId().toString());
        json.writeStringField("time", Micros.toInstant(record.decidedAtMicros()).toString());
        json.writeObjectFieldStart("principal");
        json.writeStringField("id", record.principalId());
        json.writeArrayFieldStart("roles");
        for (String role : record.principalRoles()) {
            json.writeString(role);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeStringField("action", record.action());
        json.writeObjectFieldStart("resource");
        json.writeStringField("service", record.resourceService());
        json.writeStringField("kind", record.resourceKind());
        json.writeStringField("id", record.resourceId());
        json.writeEndObject();
    }

    static Buffer stats(Instant from, Instant to, StatsQuery.GroupBy groupBy, StatsQuery.Bucket bucket,
            StatsQuery.Result result) {
        return DecisionJson.write(128 + 96 * result.rows().size(), json -> {
            json.writeStartObject();
            json.writeStringField("from", from.toString());
            json.writeStringField("to", to.toString());
            json.writeStringField("groupBy", groupBy.json());
            json.writeStringField("bucket", bucket.json());
            json.writeArrayFieldStart("counts");
            for (StatsQuery.Row row : result.rows()) {
                json.writeStartObject();
                json.writeStringField("bucket", row.bucket().toString());
                json.writeStringField("key", row.key());
                json.writeNumberField("allow", row.allow());
                json.writeNumberField("deny", row.deny());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeBooleanField("truncated", result.truncated());
            json.writeEndObject();
        });
    }

    static Buffer verify(VerifyReport report) {
        return DecisionJson.write(512, json -> {
            json.writeStartObject();
            json.writeBooleanField("valid", report.valid());
            json.writeStringField("from", text(report.from()));
            json.writeStringField("to", text(report.to()));
            json.writeNumberField("batches", report.batches());
            json.writeNumberField("records", report.records());
            if (report.headSeq() == null) {
                json.writeNullField("head");
            } else {
                json.writeObjectFieldStart("head");
                json.writeNumberField("seq", report.headSeq());
                json.writeStringField("hash", HexFormat.of().formatHex(report.headHash()));
                json.writeEndObject();
            }
            ChainBreak problem = report.firstBreak();
            if (problem == null) {
                json.writeNullField("firstBreak");
            } else {
                json.writeObjectFieldStart("firstBreak");
                json.writeStringField("kind", problem.kind());
                if (problem.seq() == null) {
                    json.writeNullField("seq");
                } else {
                    json.writeNumberField("seq", problem.seq());
                }
                json.writeStringField("batchId", text(problem.batchId()));
                json.writeStringField("firstAt", text(problem.firstAt()));
                json.writeStringField("lastAt", text(problem.lastAt()));
                json.writeStringField("decisionId", text(problem.decisionId()));
                json.writeStringField("message", problem.message());
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

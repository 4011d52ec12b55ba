package dev.arbiter.server.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The decision log as CSV (RFC 4180): one header line, then a line per record. Roles, input and
 * shadow are JSON text in their cells; an absent value is an empty cell. Values are written as
 * stored, never altered for spreadsheets.
 */
final class DecisionCsv {

    static final byte[] HEADER = ("decisionId,time,principalId,principalRoles,action,resourceService,resourceKind,"
            + "resourceId,allow,policy,rule,revision,reason,caller,latencyMicros,input,shadow,api,traceId\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private DecisionCsv() {}

    static void line(LoggedDecision record, OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder(512);
        cell(line, record.decisionId().toString());
        cell(line, Micros.toInstant(record.decidedAtMicros()).toString());
        cell(line, record.principalId());
        cell(line, roles(record.principalRoles()));
        cell(line, record.action());
        cell(line, record.resourceService());
        cell(line, record.resourceKind());
        cell(line, record.resourceId());
        cell(line, Boolean.toString(record.allow()));
        cell(line, record.policy());
        cell(line, record.rule());
        cell(line, Long.toString(record.revision()));
        cell(line, record.reason());
        cell(line, record.caller());
        cell(line, Integer.toString(record.latencyMicros()));
        cell(line, record.input());
        cell(line, record.shadow());
        cell(line, record.api());
        cell(line, record.traceId());
        line.setLength(line.length() - 1);
        line.append("\r\n");
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void cell(StringBuilder line, String value) {
        if (value != null) {
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            if (quote) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        line.append(',');
    }

    private static String roles(List<String> roles) {
        StringBuilder json = new StringBuilder("[");
        for (String role : roles) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(role)).append('"');
        }
        return json.append(']').toString();
    }
}

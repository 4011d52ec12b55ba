package dev.arbiter.server.http;

import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** What {@code GET /v1/decisions} answers, chosen by the Accept header. */
enum ExportFormat {
    /** A page of records with the cursor of the next. */
    PAGE("application/json"),
    /** Every matching record, one JSON object a line. */
    NDJSON("application/x-ndjson"),
    /** Every matching record, as CSV with a header line. */
    CSV("text/csv; charset=utf-8");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /**
     * The format the client prefers among those offered (by quality, then order of listing); JSON
     * pages when there is no Accept header; 406 when nothing offered is acceptable.
     */
    static ExportFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return PAGE;
        }
        ExportFormat best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            ExportFormat format = forMediaRange(parts[0].trim().toLowerCase(Locale.ROOT));
            double quality = quality(parts);
            if (format != null && quality > bestQuality) {
                best = format;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new ApiException(ErrorCode.NOT_ACCEPTABLE,
                    "the decision log answers application/json, application/x-ndjson or text/csv");
        }
        return best;
    }

    private static ExportFormat forMediaRange(String range) {
        return switch (range) {
            case "application/json", "application/*", "*/*" -> PAGE;
            case "application/x-ndjson" -> NDJSON;
            case "text/csv", "text/*" -> CSV;
            default -> null;
        };
    }

    /** The q parameter (1 when absent); a malformed one counts as 0, like an unacceptable range. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    double quality = Double.parseDouble(parameter.substring(2));
                    return quality >= 0 && quality <= 1 ? quality : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** What comes before the first record. */
    void start(OutputStream out) throws IOException {
        if (this == CSV) {
            out.write(DecisionCsv.HEADER);
        }
    }

    void write(LoggedDecision record, OutputStream out) throws IOException {
        if (this == CSV) {
            DecisionCsv.line(record, out);
        } else {
            LoggedDecisionJson.line(record, out);
        }
    }
}

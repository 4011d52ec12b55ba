package dev.arbiter.client;

import java.util.ArrayList;
import java.util.List;

/** The JSON of the decision log's answers. */
final class DecisionLogJson {

    private DecisionLogJson() {}

    static CursorPages.Page<LoggedDecision> page(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        List<LoggedDecision> decisions = new ArrayList<>();
        for (JsonObject record : json.objects("decisions")) {
            decisions.add(record(record));
        }
        return new CursorPages.Page<>(decisions, json.optionalString("nextCursor", null));
    }

    static LoggedDecision record(byte[] body) throws MalformedAnswerException {
        return record(JsonObject.parse(body));
    }

    private static LoggedDecision record(JsonObject json) throws MalformedAnswerException {
        return new LoggedDecision(subject(json), json.bool("allow"), json.optionalString("policy", null),
                json.optionalString("rule", null), json.number("revision"), json.string("reason"),
                json.string("caller"), json.number("latencyMicros"), json.members("input"),
                json.has("shadow") ? CheckCodec.shadow(json.object("shadow")) : null, json.string("api"),
                json.optionalString("traceId", null));
    }

    /** The members naming a logged decision: id, time, principal, action, resource. */
    static DecisionSubject subject(JsonObject json) throws MalformedAnswerException {
        JsonObject principal = json.object("principal");
        JsonObject resource = json.object("resource");
        return new DecisionSubject(json.string("decisionId"), json.instant("time"), principal.string("id"),
                principal.strings("roles"), json.string("action"), resource.string("service"),
                resource.string("kind"), resource.string("id"));
    }

    static DecisionStats stats(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        List<DecisionStats.Count> counts = new ArrayList<>();
        for (JsonObject count : json.objects("counts")) {
            counts.add(new DecisionStats.Count(count.instant("bucket"), count.optionalString("key", null),
                    count.number("allow"), count.number("deny")));
        }
        return new DecisionStats(json.instant("from"), json.instant("to"),
                Spelling.parse(DecisionStats.GroupBy.class, json.string("groupBy")),
                Spelling.parse(DecisionStats.Bucket.class, json.string("bucket")), counts, json.bool("truncated"));
    }

    static ChainVerification verification(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        ChainVerification.Head head = json.has("head")
                ? new ChainVerification.Head(json.object("head").number("seq"), json.object("head").string("hash"))
                : null;
        ChainVerification.ChainBreak firstBreak = null;
        if (json.has("firstBreak")) {
            JsonObject problem = json.object("firstBreak");
            firstBreak = new ChainVerification.ChainBreak(problem.string("kind"), problem.optionalNumber("seq"),
                    problem.optionalString("batchId", null), problem.optionalInstant("firstAt"),
                    problem.optionalInstant("lastAt"), problem.optionalString("decisionId", null),
                    problem.string("message"));
        }
        return new ChainVerification(json.bool("valid"), json.optionalInstant("from"), json.optionalInstant("to"),
                json.number("batches"), json.number("records"), head, firstBreak);
    }
}

package dev.arbiter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JSON of policy history, validation, apply and impact answers. */
final class PolicyChangeJson {

    private PolicyChangeJson() {}

    static List<PolicyVersion> versions(byte[] body) throws MalformedAnswerException {
        List<PolicyVersion> versions = new ArrayList<>();
        for (JsonObject version : JsonObject.parse(body).objects("versions")) {
            versions.add(version(version));
        }
        return versions;
    }

    static VersionedPolicy versionedPolicy(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        PolicyVersion version = version(json);
        return new VersionedPolicy(version, version.deleted() ? Optional.empty() : Optional.of(AdminJson.policy(json)));
    }

    /** The fields every version has, and the service and mode of one that is not a deletion. */
    private static PolicyVersion version(JsonObject json) throws MalformedAnswerException {
        boolean deleted = json.bool("deleted");
        Long restoredFrom = json.optionalNumber("restoredFrom");
        return new PolicyVersion(Math.toIntExact(json.number("version")), json.number("revision"), deleted,
                json.instant("updatedAt"), json.string("updatedBy"),
                restoredFrom == null ? null : Math.toIntExact(restoredFrom),
                deleted ? null : json.string("service"), deleted ? null : AdminJson.mode(json));
    }

    static List<PolicyWarning> warnings(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        if (!json.bool("valid")) {
            throw new MalformedAnswerException("a validation answered 200 without valid: true");
        }
        List<PolicyWarning> warnings = new ArrayList<>();
        for (JsonObject warning : json.objects("warnings")) {
            warnings.add(new PolicyWarning(warning.string("code"), ErrorAnswers.problem(warning)));
        }
        return warnings;
    }

    static ApplyResult applyResult(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        return new ApplyResult(json.bool("dryRun"), json.number("revision"), json.strings("services"),
                changes(json));
    }

    private static PolicyChanges changes(JsonObject json) throws MalformedAnswerException {
        return new PolicyChanges(json.strings("created"), json.strings("updated"), json.strings("deleted"),
                json.strings("unchanged"));
    }

    static ImpactReport impactReport(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        List<ImpactReport.Flip> flips = new ArrayList<>();
        for (JsonObject flip : json.objects("flips")) {
            flips.add(new ImpactReport.Flip(DecisionLogJson.subject(flip), flip.bool("masked"),
                    outcome(flip.object("before")), outcome(flip.object("after"))));
        }
        ImpactReport.Counts counts = new ImpactReport.Counts(json.number("flipped"), json.number("allowToDeny"),
                json.number("denyToAllow"), json.number("ruleChanged"), json.number("drift"), json.number("masked"),
                json.number("maskedFlipped"), json.number("unreadable"));
        return new ImpactReport(json.number("revision"), json.strings("services"), changes(json.object("policies")),
                json.strings("replayedServices"), json.number("replayed"), json.optionalInstant("newest"),
                json.optionalInstant("oldest"), counts, flips, json.bool("truncated"));
    }

    private static ImpactReport.Outcome outcome(JsonObject json) throws MalformedAnswerException {
        return new ImpactReport.Outcome(json.bool("allow"), json.optionalString("policy", null),
                json.optionalString("rule", null), json.string("reason"));
    }
}

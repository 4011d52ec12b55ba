package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.service.ImpactService;
import dev.arbiter.server.service.ImpactTally;
import dev.arbiter.store.model.BundleDiff;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Collection;

/** The answer of {@code POST /v1/policies/_impact}, written as a stream without a tree. */
final class ImpactJson {

    private ImpactJson() {}

    static Buffer write(ImpactService.Impact found) {
        ImpactTally.Result impact = found.tally();
        return DecisionJson.write(1024 + 512 * impact.flips().size(), json -> {
            json.writeStartObject();
            json.writeNumberField("revision", found.revision());
            strings(json, "services", found.bundle().services());
            changes(json, found.preview().diff());
            strings(json, "replayedServices", found.replayedServices());
            json.writeNumberField("replayed", impact.replayed());
            time(json, "newest", impact.newest());
            time(json, "oldest", impact.oldest());
            json.writeNumberField("flipped", impact.flipped());
            json.writeNumberField("allowToDeny", impact.allowToDeny());
            json.writeNumberField("denyToAllow", impact.denyToAllow());
            json.writeNumberField("ruleChanged", impact.ruleChanged());
            json.writeNumberField("drift", impact.drift());
            json.writeNumberField("masked", impact.masked());
            json.writeNumberField("maskedFlipped", impact.maskedFlipped());
            json.writeNumberField("unreadable", impact.unreadable());
            json.writeArrayFieldStart("flips");
            for (ImpactTally.Flip flip : impact.flips()) {
                flip(json, flip);
            }
            json.writeEndArray();
            json.writeBooleanField("truncated", impact.truncated());
            json.writeEndObject();
        });
    }

    /** What applying the bundle would do to the store, as {@code _apply?dryRun=true} answers it. */
    private static void changes(JsonGenerator json, BundleDiff diff) throws IOException {
        json.writeObjectFieldStart("policies");
        strings(json, "created", diff.created());
        strings(json, "updated", diff.updated());
        strings(json, "deleted", diff.deleted());
        strings(json, "unchanged", diff.unchanged());
        json.writeEndObject();
    }

    private static void flip(JsonGenerator json, ImpactTally.Flip flip) throws IOException {
        json.writeStartObject();
        LoggedDecisionJson.subject(json, flip.logged());
        json.writeBooleanField("masked", flip.masked());
        decision(json, "before", flip.before());
        decision(json, "after", flip.after());
        json.writeEndObject();
    }

    private static void decision(JsonGenerator json, String name, Decision decision) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeBooleanField("allow", decision.allow());
        json.writeStringField("policy", decision.policy());
        json.writeStringField("rule", decision.rule());
        json.writeStringField("reason", decision.reason());
        json.writeEndObject();
    }

    private static void time(JsonGenerator json, String name, LoggedDecision logged) throws IOException {
        json.writeStringField(name, logged == null ? null : Micros.toInstant(logged.decidedAtMicros()).toString());
    }

    private static void strings(JsonGenerator json, String name, Collection<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}

package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.engine.ConditionResult;
import dev.arbiter.server.engine.DirectoryUse;
import dev.arbiter.server.engine.Explanation;
import dev.arbiter.server.engine.RuleExplanation;
import java.io.IOException;
import java.util.List;

/**
 * Writes the {@code explain} array of an explained decision: one entry per rule of the applying
 * policies, in decision order. {@code condition} is {@code "true"}, {@code "false"},
 * {@code "error"} (with {@code error} holding the message) or {@code "not_evaluated"} for a rule
 * that was not a candidate. {@code directory} says what the directory added to the request: the
 * principal's roles it contributed and the attribute keys whose values are its own.
 */
final class ExplainJson {

    private ExplainJson() {}

    static void write(JsonGenerator generator, Explanation explanation) throws IOException {
        generator.writeArrayFieldStart("explain");
        for (RuleExplanation rule : explanation.rules()) {
            generator.writeStartObject();
            generator.writeStringField("policy", rule.policy());
            generator.writeStringField("rule", rule.rule());
            generator.writeStringField("effect", rule.effect().json());
            generator.writeBooleanField("dryRun", rule.dryRun());
            generator.writeBooleanField("principalMatched", rule.principalMatched());
            generator.writeBooleanField("actionMatched", rule.actionMatched());
            generator.writeBooleanField("kindMatched", rule.kindMatched());
            writeCondition(generator, rule.condition());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        directory(generator, explanation.directory());
    }

    /** {@code directory}: what the directory added, so a person sees which facts were stored, not claimed. */
    private static void directory(JsonGenerator generator, DirectoryUse use) throws IOException {
        generator.writeObjectFieldStart("directory");
        generator.writeObjectFieldStart("principal");
        generator.writeBooleanField("found", use.principalFound());
        strings(generator, "roles", use.principalRoles());
        strings(generator, "attr", use.principalAttr());
        generator.writeEndObject();
        generator.writeObjectFieldStart("resource");
        generator.writeBooleanField("found", use.resourceFound());
        strings(generator, "attr", use.resourceAttr());
        generator.writeEndObject();
        generator.writeEndObject();
    }

    private static void strings(JsonGenerator generator, String name, List<String> values) throws IOException {
        generator.writeArrayFieldStart(name);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    private static void writeCondition(JsonGenerator generator, ConditionResult condition) throws IOException {
        if (condition == null) {
            generator.writeStringField("condition", "not_evaluated");
        } else if (condition instanceof ConditionResult.Failed failed) {
            generator.writeStringField("condition", "error");
            generator.writeStringField("error", failed.message());
        } else {
            generator.writeStringField("condition", Boolean.toString(condition.isTrue()));
        }
    }
}

package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The JSON of policies and keys, both ways. */
final class AdminJson {

    private AdminJson() {}

    static byte[] policy(Policy policy) {
        return JsonValues.document(1024, generator -> writePolicy(generator, policy));
    }

    /** A bundle: {@code {"policies": [...], "services": [...]}}, services only when given. */
    static byte[] bundle(PolicyBundle bundle) {
        return JsonValues.document(1024 * (1 + bundle.policies().size()), generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("policies");
            for (Policy policy : bundle.policies()) {
                writePolicy(generator, policy);
            }
            generator.writeEndArray();
            if (!bundle.services().isEmpty()) {
                strings(generator, "services", List.copyOf(bundle.services()));
            }
            generator.writeEndObject();
        });
    }

    private static void writePolicy(JsonGenerator generator, Policy policy) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", policy.id());
        generator.writeStringField("service", policy.service());
        generator.writeStringField("description", policy.description());
        generator.writeStringField("mode", policy.mode().json());
        generator.writeArrayFieldStart("rules");
        for (Rule rule : policy.rules()) {
            rule(generator, rule);
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }


    private static void rule(JsonGenerator generator, Rule rule) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("name", rule.name());
        generator.writeStringField("effect", rule.effect().json());
        strings(generator, "principals", rule.principals());
        strings(generator, "roles", rule.roles());
        strings(generator, "actions", rule.actions());
        strings(generator, "kinds", rule.kinds());
        if (rule.condition() != null) {
            generator.writeStringField("condition", rule.condition());
        }
        generator.writeEndObject();
    }

    private static void strings(JsonGenerator generator, String field, List<String> values) throws IOException {
        generator.writeArrayFieldStart(field);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    /** @param identity the client certificate identity the key is bound to, or null */
    /** @param identity the client certificate identity the key is bound to, or null */
    static byte[] newKey(String name, Set<KeyRole> roles, String identity) {
        return JsonValues.document(128, generator -> {
            generator.writeStartObject();
            generator.writeStringField("name", name);
            generator.writeArrayFieldStart("roles");
            for (KeyRole role : roles) {
                generator.writeString(role.json());
            }
            generator.writeEndArray();
            if (identity != null) {
                generator.writeStringField("identity", identity);
            }
            generator.writeEndObject();
        });
    }

    static StoredPolicy storedPolicy(JsonObject json) throws MalformedAnswerException {
        return new StoredPolicy(policy(json), Math.toIntExact(json.number("version")), json.number("revision"),
                json.instant("updatedAt"), json.string("updatedBy"));
    }

    /** The policy document of a policy as read. */
    static Policy policy(JsonObject json) throws MalformedAnswerException {
        List<Rule> rules = new ArrayList<>();
        for (JsonObject rule : json.objects("rules")) {
            rules.add(new Rule(rule.string("name"), Spelling.parse(Effect.class, rule.string("effect")),
                    rule.strings("principals"), rule.strings("roles"), rule.strings("actions"), rule.strings("kinds"),
                    rule.optionalString("condition", null)));
        }
        return new Policy(json.string("id"), json.string("service"), json.optionalString("description", ""),
                mode(json), rules);
    }

    static PolicyMode mode(JsonObject json) throws MalformedAnswerException {
        return Spelling.parse(PolicyMode.class, json.optionalString("mode", PolicyMode.ENFORCE.json()));
    }

    static PolicyList policyList(byte[] body) throws MalformedAnswerException {
        JsonObject json = JsonObject.parse(body);
        List<StoredPolicy> policies = new ArrayList<>();
        for (JsonObject policy : json.objects("policies")) {
            policies.add(storedPolicy(policy));
        }
        return new PolicyList(policies, json.number("revision"));
    }

    static ApiKey key(JsonObject json) throws MalformedAnswerException {
        Set<KeyRole> roles = EnumSet.noneOf(KeyRole.class);
        for (String role : json.strings("roles")) {
            roles.add(Spelling.parse(KeyRole.class, role));
        }
        return new ApiKey(json.string("name"), roles, json.instant("createdAt"), json.string("createdBy"),
                json.optionalString("identity", null));
    }

    static List<ApiKey> keys(byte[] body) throws MalformedAnswerException {
        List<ApiKey> keys = new ArrayList<>();
        for (JsonObject key : JsonObject.parse(body).objects("keys")) {
            keys.add(key(key));
        }
        return keys;
    }
}

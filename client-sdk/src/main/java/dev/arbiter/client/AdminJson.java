package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The JSON of policies and keys, both ways. */
final class AdminJson {

    private AdminJson() {}

    static byte[] policy(Policy policy) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
        try (JsonGenerator generator = JsonValues.FACTORY.createGenerator(bytes)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
    static byte[] newKey(String name, Set<KeyRole> roles, String identity) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(128);
        try (JsonGenerator generator = JsonValues.FACTORY.createGenerator(bytes)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredPolicy storedPolicy(JsonObject json) throws MalformedAnswerException {
        List<Rule> rules = new ArrayList<>();
        for (JsonObject rule : json.objects("rules")) {
            rules.add(new Rule(rule.string("name"), Spelling.parse(Effect.class, rule.string("effect")),
                    rule.strings("principals"), rule.strings("roles"), rule.strings("actions"), rule.strings("kinds"),
                    rule.optionalString("condition", null)));
        }
        Policy policy = new Policy(json.string("id"), json.string("service"), json.optionalString("description", ""),
                Spelling.parse(PolicyMode.class, json.optionalString("mode", PolicyMode.ENFORCE.json())), rules);
        return new StoredPolicy(policy, Math.toIntExact(json.number("version")), json.number("revision"),
                json.instant("updatedAt"), json.string("updatedBy"));
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

package dev.arbiter.store.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyJsonTest {

    private static Policy read(String json) {
        return PolicyJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidDocumentException rejected(String json) {
        return assertThrows(InvalidDocumentException.class, () -> read(json));
    }

    @Test
    void readsEveryFieldAndAppliesDefaults() {
        Policy policy = read("""
                {"id": "p", "service": "s", "rules": [
                  {"name": "a", "effect": "allow", "principals": ["x*"], "roles": ["r"], "actions": ["read"],
                   "kinds": ["doc"], "condition": "true"},
                  {"name": "b", "effect": "deny", "roles": ["*"], "actions": ["*"]}]}""");
        assertEquals("", policy.description());
        assertEquals(PolicyMode.ENFORCE, policy.mode());
        Rule first = policy.rules().get(0);
        assertEquals(Effect.ALLOW, first.effect());
        assertEquals(List.of("x*"), first.principals());
        assertEquals("true", first.condition());
        Rule second = policy.rules().get(1);
        assertEquals(Effect.DENY, second.effect());
        assertEquals(List.of(), second.principals());
        assertEquals(List.of(), second.kinds());
        assertNull(second.condition());
    }

    @Test
    void roundTripsThroughTheStoredDocument() {
        Policy policy = read("""
                {"id": "p", "service": "*", "description": "d", "mode": "dry_run", "rules": [
                  {"name": "a", "effect": "allow", "principals": ["x"], "actions": ["read"], "condition": "1 < 2"}]}""");
        assertEquals(policy, PolicyJson.fromDocument(PolicyJson.toDocument(policy)));
    }

    @Test
    void aReadDocumentCanBeWrittenBack() {
        Policy policy = read("""
                {"id": "p", "service": "s", "rules": [{"name": "a", "effect": "allow", "roles": ["*"], "actions": ["x"]}]}""");
        String asRead = PolicyJson.toJson(new StoredPolicy(policy, 3, 9, Instant.EPOCH, "alice")).toString();
        assertEquals(policy, read(asRead));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                | {\"id\": ",
        "trailing content        | {\"id\": \"p\"} {}",
        "a bare array            | []",
        "duplicate keys          | {\"id\": \"p\", \"id\": \"q\"}",
    })
    void malformedDocumentsAreRejectedAsSuch(String what, String json) {
        InvalidDocumentException error = rejected(json);
        InvalidDocumentException.Kind expected = json.equals("[]") ? InvalidDocumentException.Kind.INVALID_SHAPE
                : InvalidDocumentException.Kind.MALFORMED_JSON;
        assertEquals(expected, error.kind(), what + ": " + error.getMessage());
    }

    @Test
    void emptyBodiesAreMalformed() {
        assertEquals(InvalidDocumentException.Kind.MALFORMED_JSON, assertThrows(InvalidDocumentException.class,
                () -> PolicyJson.read(new byte[0])).kind());
    }

    @Test
    void everyShapeProblemIsReportedAtOnceWithItsPath() {
        InvalidDocumentException error = rejected("""
                {"id": 7, "service": "s", "colour": "red", "rules": [
                  {"name": "a", "effect": "permit", "actions": "read", "roles": [1], "conditon": "true"},
                  "not a rule"]}""");
        assertEquals(InvalidDocumentException.Kind.INVALID_SHAPE, error.kind());
        List<String> paths = error.problems().stream().map(Problem::path).toList();
        assertTrue(paths.containsAll(List.of("id", "colour", "rules[0].effect", "rules[0].actions",
                "rules[0].roles[0]", "rules[0].conditon", "rules[1]")), paths.toString());
    }

    @Test
    void requiredFieldsMustBePresent() {
        InvalidDocumentException error = rejected("{\"rules\": [{\"effect\": \"allow\"}]}");
        List<String> paths = error.problems().stream().map(Problem::path).toList();
        assertTrue(paths.containsAll(List.of("id", "service", "rules[0].name", "rules[0].actions")), paths.toString());
    }

    @Test
    void modeMustBeKnown() {
        InvalidDocumentException error = rejected("""
                {"id": "p", "service": "s", "mode": "audit", "rules": []}""");
        assertEquals("mode", error.problems().get(0).path());
    }
}

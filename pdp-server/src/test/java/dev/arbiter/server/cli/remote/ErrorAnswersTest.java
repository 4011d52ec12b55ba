package dev.arbiter.server.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.cli.CommandFailure;
import dev.arbiter.server.cli.ExitCode;
import dev.arbiter.store.model.PolicyJson;
import org.junit.jupiter.api.Test;

/** Error answers a pipeline must tell apart: the policies at fault, or the server not usable. */
class ErrorAnswersTest {

    private static CommandFailure failure(int status, String body) throws Exception {
        return ErrorAnswers.failure(status, body == null ? null : PolicyJson.MAPPER.readTree(body), "POST /v1/policies/_apply");
    }

    @Test
    void aBundleTheServerRefusesIsTheFaultOfThePoliciesWithEveryDetail() throws Exception {
        CommandFailure failure = failure(422, """
                {"error": {"code": "invalid_policy", "message": "the bundle is not valid: 1 problem in policies[1] (refunds)",
                 "details": [{"path": "policies[1].rules[0].condition", "message": "'x' is not defined"}]}}""");
        assertEquals(ExitCode.FAILED, failure.exitCode());
        assertEquals("the server refused the policies: the bundle is not valid: 1 problem in policies[1] (refunds)"
                + " (422 invalid_policy)\n  policies[1].rules[0].condition: 'x' is not defined", failure.getMessage());
    }

    @Test
    void aStoreChangedSinceThePlanAsksToRunAgain() throws Exception {
        CommandFailure failure = failure(412, """
                {"error": {"code": "precondition_failed", "message": "policy 'refunds' changed", "details": []}}""");
        assertEquals(ExitCode.SERVER, failure.exitCode());
        assertEquals("policy 'refunds' changed (412 precondition_failed); the store changed since the plan was shown:"
                + " run the command again", failure.getMessage());
    }

    @Test
    void anAnswerThatIsNotArbitersSaysSo() throws Exception {
        CommandFailure failure = failure(502, null);
        assertEquals(ExitCode.SERVER, failure.exitCode());
        assertEquals("POST /v1/policies/_apply answered 502 without the JSON the tool expects; is this an Arbiter server?",
                failure.getMessage());
    }
}

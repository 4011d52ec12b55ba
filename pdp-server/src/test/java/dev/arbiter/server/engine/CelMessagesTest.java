package dev.arbiter.server.engine;

import static dev.arbiter.server.engine.EngineFixture.decide;
import static dev.arbiter.server.engine.EngineFixture.engine;
import static dev.arbiter.server.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CEL's errors read like a person wrote them, and say where, by line and column. */
class CelMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "resource.attr.amount <=          | the condition ends too early: an operand or a closing bracket is missing at its end | 24",
        "(principal.id == 'a'             | ')' is missing at the end of the condition | 21",
        "resource.attr.x == \"y           | a string that starts here is not closed | 20",
        "principal.attr.env = 'x'         | '=' is not an operator: compare with '==' | 20",
        "principal.id & 'x'               | '&' is not an operator: use '&&' | 14",
        "1 +* 2                           | '*' cannot stand here | 4",
        "principal.id 'x'                 | 'x' follows a complete expression: an operator such as && or == is missing before it | 14",
        "principle.attr.env == 'x'        | 'principle' is not defined; the variables are principal, resource, action, context, actionAttr and now | 1",
        "size(principal.roles) > 'a'      | '>' cannot be applied to int and string | 23",
    })
    void compileErrorsSayWhatIsWrongInWords(String condition, String message, int column) {
        ConditionCompiler.Compilation compiled = EngineFixture.CONDITIONS.compile(condition.strip(), "condition");
        Problem first = assertInstanceOf(ConditionCompiler.Compilation.Rejected.class, compiled).problems().get(0);
        assertEquals(message, first.message());
        assertEquals(column, first.column());
        assertFalse(first.message().contains("expecting"), "no token lists: " + first.message());
    }

    @Test
    void evaluationErrorsSayTheirLineAndColumn() {
        DecisionEngine engine = engine("""
                {"id": "p", "service": "s", "rules": [{"name": "r", "effect": "deny", "roles": ["*"], "actions": ["a"],
                 "condition": "resource.attr.amount <= 10 &&\\n principal.attr.env == 'x'"}]}""");
        String reason = decide(engine, request("p", "a", "s").resourceAttr("amount", 5L).build()).reason();
        assertTrue(reason.contains("evaluation error at line 2, column 16: key 'env' is not present in map"
                + " (use has(...) to test for it first)"), reason);
    }
}

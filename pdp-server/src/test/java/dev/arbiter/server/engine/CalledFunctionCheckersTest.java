package dev.arbiter.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.compiler.CelCompiler;
import dev.cel.parser.CelParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checking against the called functions only must agree with the full environment, in success and in error. */
class CalledFunctionCheckersTest {

    private static final CelParser PARSER = CelEnvironment.parser();
    private static final CelCompiler FULL = CelEnvironment.compiler();
    private static final CalledFunctionCheckers CHECKERS = new CalledFunctionCheckers();

    @ParameterizedTest
    @ValueSource(strings = {
        // DESIGN.md's example and the shapes rules take
        "resource.attr.amount <= 1000 && principal.attr.env == resource.attr.env",
        "action == 'read' || action != 'write'",
        "'admin' in principal.roles && !('guest' in principal.roles)",
        "has(resource.attr.owner) && resource.attr.owner == principal.id",
        "principal.attr.tags.exists(t, t == 'x') && principal.attr.tags.all(t, t != '')",
        "principal.attr.tags.exists_one(t, t == 'x') ? true : false",
        "principal.attr.tags.map(t, t + '!').filter(t, t.size() > 1).size() >= 1",
        "{'a': 1}['a'] == 1 && [1, 2][0] == 1 && context.ip.startsWith('10.')",
        // arithmetic and heterogeneous comparisons
        "principal.attr.n + 1 > 2 && 10 / 3 == 3 && 10 % 3 == 1 && -principal.attr.n < 0",
        "1u + 2u == 3u && 1.5 * 2.0 < 4.0 && 1 < 2u && 1.0 <= 2 && 3u >= 2.5",
        // standard functions, conversions, time
        "resource.attr.name.endsWith('a') && resource.attr.name.contains('b') && resource.attr.name.matches('^a')",
        "size(resource.attr.name) > 2 && size([1]) == 1 && size({'a': 1}) == 1 && b'a'.size() == 1",
        "int('1') == 1 && uint(1) == 1u && double(1) == 1.0 && string(1) == '1' && bytes('a') == b'a'",
        "bool('true') && dyn(1) == 1 && type(1) == int && type('a') == string && int(1u) == 1",
        "now > timestamp('2020-01-01T00:00:00Z') && now - duration('1h') < now && timestamp(0) < now",
        "now.getFullYear() > 2000 && now.getHours('UTC') >= 0 && now.getDayOfWeek() < 7 && duration('1s').getSeconds() == 1",
        // extension libraries
        "'abc'.charAt(0) == 'a' && 'abc'.indexOf('b') == 1 && 'abca'.lastIndexOf('a') == 3",
        "'Ab'.lowerAscii() == 'ab' && 'ab'.upperAscii() == 'AB' && 'ab'.replace('a', 'b') == 'bb'",
        "'a,b'.split(',').size() == 2 && 'abc'.substring(1) == 'bc' && ' a '.trim() == 'a' && ['a'].join('-') == 'a'",
        "math.greatest(1, 2) == 2 && math.least([1, 2]) == 1 && math.greatest(1.0, 2, 3u) == 3u",
        "math.abs(-1) == 1 && math.ceil(1.2) == 2.0 && math.isNaN(0.0 / 0.0) && math.bitAnd(3, 1) == 1",
        "sets.contains([1, 2], [1]) && sets.equivalent([1], [1]) && sets.intersects([1], [1, 2])",
        "[1, 2, 2].distinct() == [1, 2] && [[1], [2]].flatten() == [1, 2] && [1, 2].reverse() == [2, 1]",
        "[1, 2, 3].slice(0, 1) == [1] && [2, 1].sort() == [1, 2]"
    })
    void acceptsAsTheFullEnvironmentDoes(String source) throws CelValidationException {
        CelValidationResult full = FULL.compile(source);
        CelValidationResult narrow = checkCalledFunctions(source);
        assertFalse(full.hasError(), full::getErrorString);
        assertEquals(List.of(), narrow.getAllIssues());
        CelAbstractSyntaxTree expected = full.getAst();
        CelAbstractSyntaxTree actual = narrow.getAst();
        assertTrue(actual.isChecked());
        assertEquals(expected.getExpr(), actual.getExpr());
        assertEquals(expected.getTypeMap(), actual.getTypeMap());
        assertEquals(expected.getReferenceMap(), actual.getReferenceMap());
        assertEquals(expected.getResultType(), actual.getResultType());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "principal.attr.x +",
        "unknownFunction(1)",
        "1 + 'a' == 2",
        "'not a bool'",
        "resource.attr.name.noSuchMethod()",
        "size(1) == 1",
        "lists.range(3) == [0, 1, 2]",
        "math.greatest('a', 1) == 1",
        "principal.startsWith('x')",
        "nobody.knows == 1",
        "now.getFullYear(1, 2) == 1",
        "'%s'.format(['a']) == 'a'",
        "[2, 1].sortBy(x, -x) == [2, 1]"
    })
    void rejectsWithTheSameMessagesAndPlaces(String source) throws CelValidationException {
        CelValidationResult full = FULL.compile(source);
        assertTrue(full.hasError());
        assertEquals(issues(full.getAllIssues()), issues(checkCalledFunctions(source).getAllIssues()));
    }

    @Test
    void callsAreNamedWithoutTheirNamespaceAndMacrosExpanded() throws CelValidationException {
        assertEquals(Set.of("_<=_", "_&&_", "_==_"), CalledFunctionCheckers.calledNames(
                PARSER.parse("resource.attr.amount <= 1 && principal.attr.env == resource.attr.env").getAst()));
        Set<String> names = CalledFunctionCheckers.calledNames(
                PARSER.parse("math.greatest(1, 2) == 2 && principal.attr.tags.exists(t, t.startsWith('x'))").getAst());
        assertTrue(names.containsAll(Set.of("@max", "_==_", "startsWith", "_||_")), names.toString());
        assertFalse(names.contains("math.@max"));
    }

    private static CelValidationResult checkCalledFunctions(String source) throws CelValidationException {
        CelValidationResult parsed = PARSER.parse(source);
        return parsed.hasError() ? parsed : CHECKERS.check(parsed.getAst());
    }

    private static List<String> issues(List<CelIssue> issues) {
        return issues.stream().map(CelIssue::toString).toList();
    }
}

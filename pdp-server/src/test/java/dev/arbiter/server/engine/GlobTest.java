package dev.arbiter.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ \"{1}\" = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "charges:create | charges:create | true",
        "charges:create | charges:Create | false",
        "charges:create | charges:create2 | false",
        "charges:* | charges:create | true",
        "charges:* | charges: | true",
        "charges:* | charges | false",
        "* | '' | true",
        "* | anything/at:all | true",
        "spiffe://acme.prod/* | spiffe://acme.prod/ns/shop/sa/checkout | true",
        "spiffe://acme.prod/* | spiffe://acme.dev/ns/shop/sa/checkout | false",
        "spiffe://*/sa/checkout | spiffe://acme.prod/ns/shop/sa/checkout | true",
        "spiffe://*/sa/checkout | spiffe://acme.prod/ns/shop/sa/checkout2 | false",
        "*:read | charges:read | true",
        "*:read | :read | true",
        "*:read | charges:reader | false",
        "a*b*c | abc | true",
        "a*b*c | aXbYc | true",
        "a*b*c | acb | false",
        "a*b*c | abcbc | true",
        "a*a | a | false",
        "a*a | aa | true",
        "ab*ba | aba | false",
        "** | '' | true",
        "a**b | ab | true",
        "*.* | no-dot | false",
        "*.* | one.dot | true",
        "? | x | false",
        "[a] | a | false",
        "[a] | [a] | true",
    })
    void matchesWholeStringWithStarAsTheOnlyWildcard(String pattern, String value, boolean expected) {
        assertEquals(expected, Glob.compile(pattern).matches(value));
        assertEquals(expected, PatternSet.of(java.util.List.of(pattern)).matches(value));
    }
}

package dev.arbiter.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeReadsTest {

    private static List<String> paths(String condition) {
        return EngineFixture.COMPILER.attributeReads(condition).stream()
                .filter(read -> !read.name().equals("attr"))
                .map(AttributeRead::path)
                .distinct()
                .toList();
    }

    @Test
    void findsSelectionsIndexesAndPresenceTests() {
        assertEquals(List.of("resource.attr.amount", "principal.attr.env", "resource.attr.env"),
                paths("resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"));
        assertEquals(List.of("context.sourceIp", "principal.attr.team"),
                paths("has(context.sourceIp) && principal.attr['team'] == 'red'"));
        assertEquals(List.of("principal.id", "resource.kind"), paths("principal.id == resource.kind"));
    }

    @Test
    void locatesEachReadInTheCondition() {
        List<AttributeRead> reads = EngineFixture.COMPILER.attributeReads(
                "has(context.ip) &&\n  resource.attr.ammount > principal.attr['lvl']");
        assertEquals(List.of(
                new AttributeRead("context", "ip", 1, 5), // has(...) points at its argument
                new AttributeRead("resource", "attr", 2, 12),
                new AttributeRead("resource.attr", "ammount", 2, 17),
                new AttributeRead("principal", "attr", 2, 37),
                new AttributeRead("principal.attr", "lvl", 2, 41)), reads);
    }

    @Test
    void ignoresComprehensionVariablesAndComputedKeys() {
        assertEquals(List.of("principal.roles"),
                paths("principal.roles.exists(context, context.size() > 2)"));
        assertEquals(List.of("resource.attr.keys"), paths("resource.attr.keys.all(k, resource.attr[k] > 0)"));
        assertEquals(List.of(), paths("does not compile"));
    }
}

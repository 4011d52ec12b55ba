package dev.arbiter.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestMapTest {

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {1, 8, 9, 200})
    void behavesAsAMapOfItsEntriesInReadingOrder(int size) {
        RequestMap.Builder<Object> builder = new RequestMap.Builder<>();
        Map<String, Object> expected = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = size; i > 0; i--) {
            assertTrue(builder.put("k" + i, (long) i));
            expected.put("k" + i, (long) i);
            order.add("k" + i);
        }
        RequestMap<Object> map = builder.build();
        assertEquals(expected, map);
        assertEquals(map, expected);
        assertEquals(expected.hashCode(), map.hashCode());
        assertEquals(size, map.size());
        assertEquals((long) size, map.get("k" + size));
        assertTrue(map.containsKey("k1"));
        assertNull(map.get("absent"));
        assertFalse(map.containsKey("absent"));
        assertEquals(order, new ArrayList<>(map.keySet()));
    }

    @ParameterizedTest(name = "after {0} entries")
    @ValueSource(ints = {1, 8, 30})
    void refusesAKeyGivenTwice(int size) {
        RequestMap.Builder<Object> builder = new RequestMap.Builder<>();
        for (int i = 0; i < size; i++) {
            builder.put("k" + i, "v");
        }
        assertFalse(builder.put("k0", "other"));
        RequestMap<Object> map = builder.build();
        assertEquals(size, map.size());
        assertEquals("v", map.get("k0"));
    }

    @Test
    void isReadOnly() {
        RequestMap.Builder<Object> builder = new RequestMap.Builder<>();
        builder.put("a", 1L);
        RequestMap<Object> map = builder.build();
        assertThrows(UnsupportedOperationException.class, () -> map.put("b", 2L));
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(3L));
        assertThrows(UnsupportedOperationException.class, () -> map.keySet().clear());
    }

    @Test
    void walkingAMapHandsOutTheSameEntries() {
        RequestMap.Builder<Object> builder = new RequestMap.Builder<>();
        builder.put("env", "prod");
        RequestMap<Object> map = builder.build();
        assertSame(map.entrySet().iterator().next(), map.entrySet().iterator().next());
    }

    @Test
    void emptyMapsAreShared() {
        assertSame(RequestMap.empty(), new RequestMap.Builder<>().build());
        assertEquals(Map.of(), RequestMap.empty());
    }
}

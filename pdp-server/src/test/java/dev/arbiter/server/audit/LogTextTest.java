package dev.arbiter.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Text made storable. */
class LogTextTest {

    @Test
    void cleanTextIsReturnedAsIsAndOnlyUnstorableCharactersAreReplaced() {
        String clean = "spiffe://acme/ns/shop — ✓ 𝄞";
        assertSame(clean, LogText.clean(clean));
        assertEquals("a\uFFFDb", LogText.clean("a\u0000b"));
        assertEquals("\uFFFDx", LogText.clean("\uD800x"), "a lone high surrogate");
        assertEquals("x\uFFFD", LogText.clean("x\uDC00"), "a lone low surrogate");
        assertEquals("x\uFFFD", LogText.clean("x\uD800"), "a high surrogate at the end");
        assertEquals(null, LogText.clean(null));
    }
}

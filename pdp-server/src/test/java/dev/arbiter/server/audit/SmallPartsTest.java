package dev.arbiter.server.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Text cleaning, cursors and pruned runs. */
class SmallPartsTest {

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

    @Test
    void aCursorRoundTripsAndAnythingElseIsRefused() {
        Cursor cursor = new Cursor(1_763_805_600_123_456L, UUID.fromString("01a203c4-7853-7051-ad86-7a579e1cdcaf"));
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        for (String token : new String[] {"", "!!!", "AQAG", cursor.encode() + "AA", "Ag" + cursor.encode().substring(2)}) {
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(token), token);
        }
    }

    @Test
    void prunedRunsThatFollowEachOtherBecomeOne() {
        byte[] a = {1};
        byte[] b = {2};
        byte[] c = {3};
        List<PrunedBatches.Run> merged = PrunedBatches.coalesce(List.of(new PrunedBatches.Run(5, 7, b),
                new PrunedBatches.Run(1, 4, a), new PrunedBatches.Run(9, 9, c)));
        assertEquals(2, merged.size());
        assertEquals(List.of(1L, 7L, 9L, 9L), List.of(merged.get(0).firstSeq(), merged.get(0).lastSeq(),
                merged.get(1).firstSeq(), merged.get(1).lastSeq()));
        assertArrayEquals(b, merged.get(0).lastHash(), "the run ends with the later run's hash");
    }
}

package dev.arbiter.server.audit.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors of decision-log pages. */
class CursorTest {

    @Test
    void aCursorRoundTripsAndAnythingElseIsRefused() {
        Cursor cursor = new Cursor(1_763_805_600_123_456L, UUID.fromString("01a203c4-7853-7051-ad86-7a579e1cdcaf"));
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        for (String token : new String[] {"", "!!!", "AQAG", cursor.encode() + "AA", "Ag" + cursor.encode().substring(2)}) {
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(token), token);
        }
    }
}

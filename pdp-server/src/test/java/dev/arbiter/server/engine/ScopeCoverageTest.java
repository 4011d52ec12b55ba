package dev.arbiter.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopeCoverageTest {

    @Test
    void aGlobCoversWhatItCertainlyMatches() {
        assertTrue(ScopeCoverage.covers("*", "anything*at:all"));
        assertTrue(ScopeCoverage.covers("docs:*", "docs:delete"));
        assertTrue(ScopeCoverage.covers("refunds*", "refunds:*"));
        assertTrue(ScopeCoverage.covers("*:read", "docs*:read"));
        assertTrue(ScopeCoverage.covers("a*b", "a*b"));
        assertTrue(ScopeCoverage.covers("a*b*c", "axxbyyc"));
    }

    @Test
    void doesNotClaimWhatIsUncertainOrFalse() {
        assertFalse(ScopeCoverage.covers("docs:*", "*"));
        assertFalse(ScopeCoverage.covers("docs:read", "docs:*"));
        assertFalse(ScopeCoverage.covers("re*", "*ad"));
        assertFalse(ScopeCoverage.covers("*:read", "docs:*"));
        assertFalse(ScopeCoverage.covers("a*b*c", "a*c"), "a*c matches ac, which a*b*c does not");
    }

    @Test
    void editDistanceCountsSwapsAsOneEdit() {
        assertEquals(1, EditDistance.between("amount", "ammount"));
        assertEquals(1, EditDistance.between("amount", "amuont"));
        assertEquals(2, EditDistance.between("env", "evn2"));
        assertEquals(0, EditDistance.between("env", "env"));
        assertEquals(3, EditDistance.between("", "abc"));
        assertEquals(1, EditDistance.typoLimit("env", "environment"));
        assertEquals(2, EditDistance.typoLimit("amount", "ammount"));
    }
}

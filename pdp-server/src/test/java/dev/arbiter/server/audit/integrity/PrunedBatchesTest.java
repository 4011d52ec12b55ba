package dev.arbiter.server.audit.integrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs of batches removed by retention. */
class PrunedBatchesTest {

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

package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary directory on an empty data volume (the container image's /data/tmp) is made at start. */
class MainTest {

    @Test
    void aMissingTemporaryDirectoryIsCreatedAndAnExistingOneKept(@TempDir Path volume) throws Exception {
        Path tmp = volume.resolve("tmp");
        Main.ensureDirectory(tmp.toString());
        assertTrue(Files.isDirectory(tmp));
        Files.writeString(tmp.resolve("kept"), "x");
        Main.ensureDirectory(tmp.toString());
        assertTrue(Files.exists(tmp.resolve("kept")));
    }
}

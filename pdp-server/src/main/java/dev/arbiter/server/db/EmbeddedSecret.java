package dev.arbiter.server.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The password of the embedded PostgreSQL's superuser: generated at the first start, kept in the
 * data directory readable by its owner only, so that no other process on the host (in Kubernetes,
 * no other container of the pod) can connect.
 */
final class EmbeddedSecret {

    static final String FILE = "postgres-password";
    private static final int BYTES = 32;

    private EmbeddedSecret() {}

    /** The secret in {@code dataDir}, generated and written (mode 0600) when there is none yet. */
    static Path ensure(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        }
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        Path written = Files.createFile(dataDir.resolve(FILE + ".new"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
        return Files.move(written, file);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}

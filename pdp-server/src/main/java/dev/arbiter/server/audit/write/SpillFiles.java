package dev.arbiter.server.audit.write;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The spill holds request inputs: its directory is the owner's only (0700) and its files are
 * readable by the owner only (0600), on file systems that know POSIX permissions.
 */
final class SpillFiles {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private SpillFiles() {}

    /** Creates {@code directory} (and its parents) or takes an existing one, and makes it the owner's only. */
    static Path privateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        restrict(directory, OWNER_DIRECTORY);
        return directory;
    }

    /** The attribute a new file is created with; none where POSIX permissions are unknown. */
    static FileAttribute<?>[] privateFile() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /** Makes an existing file the owner's only: files a version before this one created more openly. */
    static void restrictFile(Path file) throws IOException {
        restrict(file, OWNER_FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

package dev.arbiter.server.cli.repo;

import dev.arbiter.server.cli.CommandFailure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One file of a policy repository, read whole.
 *
 * @param name the path relative to the repository, with {@code /}, as messages show it
 */
public record SourceFile(String name, byte[] bytes) {

    /** Larger than any request body the server takes (4 MiB), so never a policy file. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    /** Reads {@code file} of the repository at {@code root}; an unreadable or oversized file is bad input. */
    public static SourceFile read(Path root, Path file) {
        String name = root.relativize(file).toString().replace('\\', '/');
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw CommandFailure.badInput(name + ": the file holds " + size + " bytes; a policy or suite"
                        + " file holds at most "
                        + MAX_BYTES + " (the most the server takes in one request)");
            }
            return new SourceFile(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw CommandFailure.badInput(name + ": cannot read the file: " + reason(e));
        }
    }

    /** Whether the file is YAML, by its name; otherwise it is JSON. */
    public boolean yaml() {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Whether the file holds nothing but white space. */
    public boolean blank() {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** Why a file could not be read, in words; the JDK's messages for these two are only the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist (a broken link?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

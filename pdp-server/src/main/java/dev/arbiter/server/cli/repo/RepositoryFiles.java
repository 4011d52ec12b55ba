package dev.arbiter.server.cli.repo;

import dev.arbiter.server.cli.CommandFailure;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files of a policy repository: every {@code .yaml}, {@code .yml} and {@code .json} file under
 * it is a policy file, except those named {@code *_test.*}, which are test suites. Hidden files
 * and folders ({@code .git}, {@code .github}) are not part of it. A folder far larger than a
 * policy repository is refused before anything is read.
 *
 * @param policies the policy files, sorted
 * @param suites the test suites, sorted
 */
public record RepositoryFiles(Path root, List<Path> policies, List<Path> suites) {

    /** Policy and suite files a repository may hold. */
    public static final int MAX_FILES = 2_000;
    /** Entries of any kind looked at before giving up on a folder that is not a policy repository. */
    public static final int MAX_ENTRIES = 20_000;
    public static final int MAX_DEPTH = 16;

    private static final Pattern DOCUMENT = Pattern.compile(".+\\.(yaml|yml|json)");
    private static final Pattern SUITE = Pattern.compile(".+_test\\.(yaml|yml|json)");

    public RepositoryFiles {
        policies = List.copyOf(policies);
        suites = List.copyOf(suites);
    }

    /** The files of the repository at {@code root}. */
    public static RepositoryFiles scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw CommandFailure.badInput(root + ": " + (Files.exists(root) ? "not a directory" : "no such directory"));
        }
        Collector collector = new Collector(root);
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, collector);
        } catch (IOException e) {
            throw CommandFailure.badInput(root + ": cannot list the directory: " + SourceFile.reason(e));
        }
        if (collector.entries > MAX_ENTRIES || collector.policies.size() + collector.suites.size() > MAX_FILES) {
            throw CommandFailure.badInput(root + ": more than " + MAX_FILES + " policy and suite files (or "
                    + MAX_ENTRIES + " entries of any kind); point at the policy repository itself");
        }
        collector.policies.sort(null);
        collector.suites.sort(null);
        return new RepositoryFiles(root, collector.policies, collector.suites);
    }

    /** Collects while walking; stops as soon as the folder is too large. */
    private static final class Collector implements FileVisitor<Path> {
        private final Path root;
        private final List<Path> policies = new ArrayList<>();
        private final List<Path> suites = new ArrayList<>();
        private int entries;

        Collector(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && hidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return count();
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (hidden(file) || attrs.isDirectory() || !DOCUMENT.matcher(name).matches()) {
                return count();
            }
            if (attrs.isSymbolicLink() && !Files.isRegularFile(file)) {
                throw CommandFailure.badInput(root.relativize(file)
                        + ": cannot read the file: it is a link to no regular file");
            }
            (SUITE.matcher(name).matches() ? suites : policies).add(file);
            return policies.size() + suites.size() > MAX_FILES ? FileVisitResult.TERMINATE : count();
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            throw CommandFailure.badInput(root.relativize(file) + ": cannot read it: " + SourceFile.reason(e));
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                throw CommandFailure.badInput(root.relativize(dir) + ": cannot list the directory: "
                        + SourceFile.reason(e));
            }
            return FileVisitResult.CONTINUE;
        }

        private FileVisitResult count() {
            return ++entries > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        private static boolean hidden(Path path) {
            return path.getFileName().toString().startsWith(".");
        }
    }
}

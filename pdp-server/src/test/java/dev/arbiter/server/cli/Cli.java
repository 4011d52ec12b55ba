package dev.arbiter.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the jar's commands in this JVM, as {@code Main} does, and keeps what they printed. */
final class Cli {

    /** A finished command: its exit code and both streams. */
    record Run(int exit, String out, String err) {
        /** Both streams, for assertion messages. */
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {}

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with {@code env} as the environment; serving is refused, since no test here wants a server from it. */
    static Run run(Map<String, String> env, String... args) {
        return run(env, () -> {
            throw new AssertionError("the command started the server");
        }, args);
    }

    static Run run(Map<String, String> env, Runnable serve, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArbiterCli.execute(args, new PrintWriter(out), new PrintWriter(err), env, serve);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Writes {@code content} to {@code name} under {@code dir}, making its folders. */
    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

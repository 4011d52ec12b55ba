package dev.arbiter.server.cli;

/**
 * A command that cannot go on: a message for the person and the exit code for the pipeline.
 * Printed as one line, never with a stack trace.
 */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    private CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Input the command cannot work with: a missing directory, an unreadable file, a malformed suite. */
    public static CommandFailure badInput(String message) {
        return new CommandFailure(ExitCode.BAD_INPUT, message);
    }

    /** The server could not be reached or used. */
    public static CommandFailure server(String message) {
        return new CommandFailure(ExitCode.SERVER, message);
    }

    /** The policies themselves are at fault. */
    public static CommandFailure failed(String message) {
        return new CommandFailure(ExitCode.FAILED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}

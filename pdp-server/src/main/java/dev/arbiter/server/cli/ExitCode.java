package dev.arbiter.server.cli;

/** What a command's exit status tells a pipeline. */
public final class ExitCode {

    /** Everything as it should be. */
    public static final int OK = 0;
    /** The policies are wrong: errors in them, a failing test, or a bundle the server refuses as invalid. */
    public static final int FAILED = 1;
    /** The command could not run on its input: a usage error, an unreadable file, a malformed test suite. */
    public static final int BAD_INPUT = 2;
    /** The server could not be used: unreachable, TLS, a refused token, a concurrent change, an error answer. */
    public static final int SERVER = 3;
    /** Asked for with {@code diff --exit-code} or {@code impact --fail-on}: the store differs, decisions flip. */
    public static final int CHANGES = 4;

    private ExitCode() {}
}

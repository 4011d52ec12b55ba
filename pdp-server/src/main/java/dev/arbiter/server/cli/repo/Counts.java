package dev.arbiter.server.cli.repo;

/** Counted nouns in messages: {@code 1 error}, {@code 2 errors}. */
public final class Counts {

    private Counts() {}

    /** {@code noun} with an s unless there is one. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

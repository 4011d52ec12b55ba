package dev.arbiter.client;

/** What a dispatched call came to: a decoded answer, or the reason no answer could be had. */
sealed interface Reply<T> {

    record Decided<T>(T value) implements Reply<T> {}

    record Undecided<T>(Decision.Failure failure, String why) implements Reply<T> {}
}

package dev.arbiter.client;

/** A server answer that does not have the shape the contract promises. */
final class MalformedAnswerException extends Exception {

    MalformedAnswerException(String message) {
        super(message, null, false, false);
    }
}

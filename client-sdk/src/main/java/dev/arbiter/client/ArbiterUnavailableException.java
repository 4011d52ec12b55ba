package dev.arbiter.client;

/**
 * No answer could be had from Arbiter: thrown by admin calls, and by checks only with
 * {@link FailureMode#THROW} (by default a check answers a deny instead).
 */
public final class ArbiterUnavailableException extends ArbiterException {

    private final Decision.Failure failure;

    public ArbiterUnavailableException(Decision.Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public Decision.Failure failure() {
        return failure;
    }
}

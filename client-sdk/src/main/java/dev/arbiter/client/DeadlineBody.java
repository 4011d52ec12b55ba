package dev.arbiter.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;

/**
 * A response body read within a deadline. The JDK client's request timeout ends when the
 * headers arrive; a peer that then stalls the body would hold the caller forever. Past the
 * deadline (checked by the {@link BodyWatchdog}) the body fails with {@link TimeoutException}
 * and the connection is dropped.
 */
final class DeadlineBody implements HttpResponse.BodySubscriber<byte[]> {

    private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final long deadline;
    private volatile Flow.Subscription subscription;

    private DeadlineBody(long deadline) {
        this.deadline = deadline;
        bytes.getBody().whenComplete((value, error) -> {
            BodyWatchdog.forget(this);
            if (error == null) {
                body.complete(value);
            } else {
                body.completeExceptionally(error);
            }
        });
    }

    /** Bodies that must be complete within {@code timeout} of the headers. */
    static HttpResponse.BodyHandler<byte[]> within(Duration timeout) {
        long nanos = timeout.toNanos();
        return info -> new DeadlineBody(System.nanoTime() + nanos);
    }

    boolean overdue(long now) {
        return now - deadline >= 0;
    }

    void expire() {
        if (body.completeExceptionally(new TimeoutException("the answer's body did not arrive in time"))) {
            subscription.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        BodyWatchdog.watch(this);
        bytes.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        bytes.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        bytes.onError(throwable);
    }

    @Override
    public void onComplete() {
        bytes.onComplete();
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}

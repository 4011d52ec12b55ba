package dev.arbiter.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbiter.server.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** gRPC's deadlines: {@code grpc-timeout} read as the protocol writes it, and a late answer replaced by DEADLINE_EXCEEDED. */
class GrpcUnaryTest {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void grpcTimeoutIsUpToEightDigitsAndAUnit() {
        assertEquals(-1, GrpcUnary.timeoutMillis(null));
        assertEquals(250, GrpcUnary.timeoutMillis("250m"));
        assertEquals(2_000, GrpcUnary.timeoutMillis("2S"));
        assertEquals(7_200_000, GrpcUnary.timeoutMillis("2H"));
        assertEquals(180_000, GrpcUnary.timeoutMillis("3M"));
        assertEquals(3, GrpcUnary.timeoutMillis("3500u"));
        assertEquals(1, GrpcUnary.timeoutMillis("10n"), "never less than a millisecond");
        assertEquals(99_999_999L * 3_600_000, GrpcUnary.timeoutMillis("99999999H"));
        for (String bad : new String[] {"", "250", "m", "123456789m", "1.5S", "-1S", "5s", "1 S"}) {
            assertThrows(ApiException.class, () -> GrpcUnary.timeoutMillis(bad), bad);
        }
    }

    @Test
    void anAnswerInTimeIsTheAnswerAndOneAlreadyThereNeedsNoTimer() throws Exception {
        Future<String> ready = Future.succeededFuture("decided");
        assertSame(ready, GrpcUnary.within(VERTX, 1, ready));
        Promise<String> soon = Promise.promise();
        Future<String> bounded = GrpcUnary.within(VERTX, 5_000, soon.future());
        VERTX.setTimer(10, fired -> soon.complete("decided"));
        assertEquals("decided", bounded.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void anAnswerLaterThanTheDeadlineIsDeadlineExceeded() {
        Promise<String> never = Promise.promise();
        long started = System.nanoTime();
        ExecutionException late = assertThrows(ExecutionException.class, () -> GrpcUnary.within(VERTX, 50,
                never.future()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(GrpcUnary.DeadlineExceeded.class, late.getCause());
        assertEquals(true, System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(50));
        never.complete("too late");
    }
}

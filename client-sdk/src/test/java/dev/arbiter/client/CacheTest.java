package dev.arbiter.client;

import static dev.arbiter.client.testing.DesignExample.chargeCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.client.testing.ManualTicker;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The optional decision cache, against a real server. */
class CacheTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ArbiterAdmin admin;
    static String token;

    @BeforeAll
    static void writeThePolicy() {
        admin = ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl()).token(TestServer.ADMIN_TOKEN).build();
        admin.policies().put(DesignExample.policy());
        token = admin.keys().create("checkout", KeyRole.CHECK).token();
    }

    static ArbiterClient cachingClient(CacheSettings settings) {
        return cachingClient(settings, Ticker.SYSTEM);
    }

    static ArbiterClient cachingClient(CacheSettings settings, Ticker ticker) {
        return ArbiterClient.builder().endpoints(arbiter.server().baseUrl()).token(token)
                .timeout(Duration.ofSeconds(10)).cache(settings).ticker(ticker).build();
    }

    @Test
    void anEqualRequestIsAnsweredFromTheCache() {
        try (ArbiterClient client = cachingClient(CacheSettings.defaults())) {
            Decision first = client.check(chargeCheck(100));
            Decision second = client.check(DesignExample.CHECKOUT, "charges:create", DesignExample.charge(100));
            assertFalse(first.cached());
            assertTrue(second.cached());
            assertEquals(first.decisionId(), second.decisionId(), "the server decided once");
            assertTrue(second.allow());

            Decision other = client.check(chargeCheck(101));
            assertFalse(other.cached(), "any difference in the request is another key");
        }
    }

    @Test
    void thereIsNoCacheByDefault() {
        try (ArbiterClient client = ArbiterClient.builder().endpoints(arbiter.server().baseUrl()).token(token)
                .timeout(Duration.ofSeconds(10)).build()) {
            Decision first = client.check(chargeCheck(100));
            Decision second = client.check(chargeCheck(100));
            assertFalse(second.cached());
            assertNotEquals(first.decisionId(), second.decisionId());
        }
    }

    @Test
    void deniesExpireSoonerThanAllows() {
        ManualTicker clock = new ManualTicker();
        try (ArbiterClient client = cachingClient(CacheSettings.defaults()
                .allowTtl(Duration.ofMinutes(10)).denyTtl(Duration.ofMillis(500)), clock)) {
            Decision allow = client.check(chargeCheck(7));
            Decision deny = client.check(chargeCheck(70_000));
            assertTrue(client.check(chargeCheck(70_000)).cached());
            clock.advance(Duration.ofMillis(499));
            assertTrue(client.check(chargeCheck(70_000)).cached(), "a deny lives its whole time to live");
            clock.advance(Duration.ofMillis(1));
            assertEquals(allow.decisionId(), client.check(chargeCheck(7)).decisionId());
            Decision again = client.check(chargeCheck(70_000));
            assertFalse(again.cached());
            assertNotEquals(deny.decisionId(), again.decisionId());
        }
    }

    @Test
    void aNewerRevisionInAnyAnswerEmptiesTheCache() {
        try (ArbiterClient client = cachingClient(CacheSettings.defaults())) {
            Decision before = client.check(chargeCheck(5));
            assertTrue(client.check(chargeCheck(5)).cached());

            long revision = admin.policies().put(Policy.of("other-" + System.nanoTime(), "inventory")
                    .rules(Rule.allow("all").roles("*").actions("items:read"))).revision();
            Decision seesTheWrite = client.check(chargeCheck(6));
            assertTrue(seesTheWrite.revision() >= revision);

            Decision after = client.check(chargeCheck(5));
            assertFalse(after.cached(), "decided on an older revision");
            assertTrue(after.revision() > before.revision());
        }
    }

    @Test
    void minRevisionSkipsOlderCachedDecisions() {
        try (ArbiterClient client = cachingClient(CacheSettings.defaults())) {
            Decision cached = client.check(chargeCheck(9));
            assertTrue(client.check(chargeCheck(9).minRevision(cached.revision())).cached());
            Decision fresh = client.check(chargeCheck(9).minRevision(cached.revision() + 1_000_000));
            assertFalse(fresh.cached());
            assertTrue(fresh.failedClosed(), "no server holds that revision");
        }
    }

    @Test
    void batchesSendOnlyWhatIsNotCached() {
        try (ArbiterClient client = cachingClient(CacheSettings.defaults())) {
            Decision known = client.check(chargeCheck(11));
            List<Decision> batch = client.checkBatch(List.of(chargeCheck(12), chargeCheck(11), chargeCheck(13)));
            assertFalse(batch.get(0).cached());
            assertTrue(batch.get(1).cached());
            assertEquals(known.decisionId(), batch.get(1).decisionId());
            assertFalse(batch.get(2).cached());
            assertTrue(client.check(chargeCheck(13)).cached(), "batch answers are cached too");
            List<Decision> again = client.checkBatch(List.of(chargeCheck(12), chargeCheck(13)));
            assertTrue(again.stream().allMatch(Decision::cached));
        }
    }

    @Test
    void failedClosedDecisionsAreNeverCached() {
        try (FakeArbiter fake = new FakeArbiter()) {
            fake.answer(503, "");
            try (ArbiterClient client = ArbiterClient.builder().endpoints(fake.url()).token("arb_test")
                    .cache(CacheSettings.defaults()).build()) {
                assertTrue(client.check(chargeCheck(1)).failedClosed());
                fake.answer(200, FakeArbiter.ALLOW);
                assertTrue(client.check(chargeCheck(1)).allow());
                assertTrue(client.check(chargeCheck(1)).cached());
            }
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> CacheSettings.defaults().allowTtl(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CacheSettings.defaults().denyTtl(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> CacheSettings.defaults().maxEntries(0));
    }
}

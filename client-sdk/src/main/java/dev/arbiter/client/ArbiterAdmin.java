package dev.arbiter.client;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The administration API, for scripts and tests:
 *
 * <pre>{@code
 * ArbiterAdmin admin = ArbiterAdmin.builder().endpoint("http://arbiter:8700").token(adminToken).build();
 * PolicyWrite write = admin.policies().put(Policy.of("payments-api", "payments").rules(...));
 * CreatedKey key = admin.keys().create("checkout", KeyRole.CHECK);
 * admin.directory().apply(DirectoryChanges.none().put(PrincipalEntry.of("alice").roles("refunds")));
 * admin.decisions().stream(DecisionQuery.all().allow(false)).limit(10).forEach(System.out::println);
 * }</pre>
 *
 * <p>Calls block, and throw: {@link ArbiterApiException} for an error answer (404, 409, 412, 422,
 * 503 …), {@link ArbiterUnavailableException} when no answer could be had. Nothing is retried,
 * since writes are not idempotent (every write makes a new version).
 */
public final class ArbiterAdmin {

    private final PolicyAdmin policies;
    private final KeyAdmin keys;
    private final DecisionAudit decisions;
    private final DirectoryAdmin directory;

    private ArbiterAdmin(AdminHttp http) {
        this.policies = new PolicyAdmin(http);
        this.keys = new KeyAdmin(http);
        this.decisions = new DecisionAudit(http);
        this.directory = new DirectoryAdmin(http);
    }

    public static Builder builder() {
        return new Builder();
    }

    public PolicyAdmin policies() {
        return policies;
    }

    public KeyAdmin keys() {
        return keys;
    }

    /** The decision log, for auditors. */
    public DecisionAudit decisions() {
        return decisions;
    }

    /** What Arbiter knows about principals and resources, merged into every decision. */
    public DirectoryAdmin directory() {
        return directory;
    }

    /** Settings of an admin client; the endpoint and the token are required. */
    public static final class Builder {

        private String endpoint;
        private String token;
        private Duration timeout = Duration.ofSeconds(10);
        private SSLContext sslContext;

        private Builder() {}

        /** Base URL of one Arbiter server, e.g. {@code http://arbiter:8700}. */
        public Builder endpoint(String url) {
            this.endpoint = Checks.serverUrl(url).toString();
            return this;
        }

        public Builder token(String token) {
            this.token = Checks.requireToken(token);
            return this;
        }

        /** What HTTPS trusts and, for mutual TLS, the client certificate presented (default: the JVM's). */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** How long one call may take (default 10 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        public ArbiterAdmin build() {
            if (endpoint == null || token == null) {
                throw new IllegalStateException("an endpoint and a token are required");
            }
            return new ArbiterAdmin(new AdminHttp(endpoint, token, timeout, new Transport(sslContext)));
        }
    }
}

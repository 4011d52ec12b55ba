package dev.arbiter.server.testing;

import dev.arbiter.server.TlsConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Two servers with certificates of one test authority: one speaking HTTPS, one also requiring
 * client certificates; and the workload identities tests present to them.
 */
public record TlsServers(TestCertificates authority, TestServer httpsOnly, TestServer mutual) implements AutoCloseable {

    public static final String CHECKOUT = "spiffe://acme.prod/ns/shop/sa/checkout";
    public static final String INTRUDER = "spiffe://acme.prod/ns/shop/sa/intruder";
    public static final String OPERATOR = "spiffe://acme.prod/ns/ops/sa/arbiter-admin";

    /** Creates the authority's files in {@code certificates} and starts both servers. */
    public static TlsServers start(Path certificates) {
        TestCertificates authority = TestCertificates.create(certificates);
        TestCertificates.ServerFiles files = authority.serverFiles();
        TestServer httpsOnly = TestServer.startWithTls(new TlsConfig(files.certificate(), files.key(), Optional.empty()));
        TestServer mutual = TestServer.startWithTls(new TlsConfig(files.certificate(), files.key(), Optional.of(files.ca())));
        return new TlsServers(authority, httpsOnly, mutual);
    }

    @Override
    public void close() {
        httpsOnly.close();
        mutual.close();
    }
}

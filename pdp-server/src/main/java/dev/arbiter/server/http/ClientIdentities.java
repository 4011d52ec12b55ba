package dev.arbiter.server.http;

import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The identities a client proved with its certificate: the URI SANs (SPIFFE IDs) of the leaf. */
final class ClientIdentities {

    private static final int URI_NAME = 6;

    private ClientIdentities() {}

    static List<String> of(HttpServerRequest request) {
        if (!request.isSSL()) {
            return List.of();
        }
        try {
            List<Certificate> chain = request.connection().peerCertificates();
            if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
                return List.of();
            }
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            List<String> uris = new ArrayList<>();
            if (names != null) {
                for (List<?> name : names) {
                    if (Integer.valueOf(URI_NAME).equals(name.get(0))) {
                        uris.add((String) name.get(1));
                    }
                }
            }
            return uris;
        } catch (SSLPeerUnverifiedException | CertificateParsingException e) {
            return List.of();
        }
    }
}

package dev.arbiter.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS for the API: the server's PEM certificate chain and key, and optionally the PEM CA that
 * client certificates must chain to (mutual TLS, required of every client when set).
 */
public record TlsConfig(Path certificate, Path key, Optional<Path> clientCa) {

    public TlsConfig {
        requireReadable(certificate, "ARBITER_TLS_CERT");
        requireReadable(key, "ARBITER_TLS_KEY");
        clientCa.ifPresent(ca -> requireReadable(ca, "ARBITER_TLS_CLIENT_CA"));
    }

    public boolean requiresClientCertificates() {
        return clientCa.isPresent();
    }

    /** The TLS settings in {@code env}; empty when ARBITER_TLS_CERT and ARBITER_TLS_KEY are unset. */
    static Optional<TlsConfig> fromEnvironment(Map<String, String> env) {
        Optional<Path> certificate = path(env, "ARBITER_TLS_CERT");
        Optional<Path> key = path(env, "ARBITER_TLS_KEY");
        Optional<Path> clientCa = path(env, "ARBITER_TLS_CLIENT_CA");
        if (certificate.isEmpty() && key.isEmpty()) {
            if (clientCa.isPresent()) {
                throw new IllegalArgumentException("ARBITER_TLS_CLIENT_CA needs ARBITER_TLS_CERT and ARBITER_TLS_KEY");
            }
            return Optional.empty();
        }
        if (certificate.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("set both ARBITER_TLS_CERT and ARBITER_TLS_KEY, or neither");
        }
        return Optional.of(new TlsConfig(certificate.get(), key.get(), clientCa));
    }

    private static Optional<Path> path(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank()).map(Path::of);
    }

    private static void requireReadable(Path file, String variable) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(variable + " names " + file + ", which is not a readable file");
        }
    }
}

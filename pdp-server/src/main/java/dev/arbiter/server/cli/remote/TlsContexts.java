package dev.arbiter.server.cli.remote;

import dev.arbiter.server.cli.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of the tool's requests, from PEM files as the server itself takes them: the
 * authorities to trust (else the JDK's), and for mutual TLS a certificate chain and its PKCS#8
 * key. What the SDK's {@code sslContext(...)} says in code, said with files.
 */
final class TlsContexts {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private TlsContexts() {}

    /** @param trusted PEM certificates to trust, or null; {@code certificate} and {@code key} both or neither */
    static SSLContext of(Path trusted, Path certificate, Path key) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(certificate == null ? null : keyManagers(certificate, key),
                    trusted == null ? null : trustManagers(trusted), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw CommandFailure.badInput("the TLS options cannot be used: " + e.getMessage());
        }
    }

    private static TrustManager[] trustManagers(Path trusted) throws GeneralSecurityException {
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate certificate : certificates("--cacert", trusted)) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Path certificate, Path key) throws GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey(key), new char[0],
                certificates("--cert", certificate).toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, new char[0]);
        return factory.getKeyManagers();
    }

    private static Collection<? extends Certificate> certificates(String option, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw CommandFailure.badInput(option + " " + file + ": holds no PEM certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw CommandFailure.badInput(option + " " + file + ": cannot read the file: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw CommandFailure.badInput(option + " " + file + ": not PEM certificates: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw CommandFailure.badInput("--key " + file + ": cannot read the file: " + e.getMessage());
        }
        Matcher match = PKCS8.matcher(pem);
        if (!match.find()) {
            throw CommandFailure.badInput("--key " + file + ": not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(match.group(1)));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // the next algorithm, then the message below
            }
        }
        throw CommandFailure.badInput("--key " + file + ": not an RSA, EC or EdDSA private key");
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}

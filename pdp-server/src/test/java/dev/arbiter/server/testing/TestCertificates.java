package dev.arbiter.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in the test: a server certificate for 127.0.0.1 and client
 * certificates carrying a URI SAN (a SPIFFE ID), written as PEM files the server reads.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path directory;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestCertificates(Path directory, KeyPair caKeys, X509Certificate ca) {
        this.directory = directory;
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** A certificate, its key and the CA that signed it, as PEM files. */
    public record ServerFiles(Path certificate, Path key, Path ca) {}

    public static TestCertificates create(Path directory) {
        try {
            KeyPair caKeys = keyPair();
            X500Name name = new X500Name("CN=Arbiter Test CA");
            X509v3CertificateBuilder builder = builder(name, name, caKeys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            TestCertificates certificates = new TestCertificates(directory, caKeys, sign(builder, caKeys));
            certificates.writePem(directory.resolve("ca.pem"), certificates.ca);
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate for 127.0.0.1 signed by this CA, with its key, and the CA, as PEM files. */
    public ServerFiles serverFiles() {
        return signedFiles("server", "CN=127.0.0.1", new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "localhost")}));
    }

    /** A client certificate carrying {@code identity} (a URI SAN), with its PKCS#8 key and the CA, as PEM files. */
    public ServerFiles clientFiles(String identity) {
        return signedFiles("client", "CN=workload",
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, identity)));
    }

    private ServerFiles signedFiles(String name, String subject, GeneralNames alternativeNames) {
        try {
            KeyPair keys = keyPair();
            X509Certificate certificate = sign(builder(issuer(), new X500Name(subject), keys)
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames), caKeys);
            Path certificateFile = writePem(directory.resolve(name + ".pem"), certificate);
            Path keyFile = writePem(directory.resolve(name + "-key.pem"), keys.getPrivate());
            return new ServerFiles(certificateFile, keyFile, directory.resolve("ca.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client TLS context trusting this CA; with {@code identity} it also presents a certificate carrying it. */
    public SSLContext clientContext(String identity) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            if (identity != null) {
                KeyPair keys = keyPair();
                X509Certificate certificate = sign(builder(issuer(), new X500Name("CN=workload"), keys)
                        .addExtension(Extension.subjectAlternativeName, false,
                                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, identity))), caKeys);
                keyStore.setKeyEntry("client", keys.getPrivate(), new char[0], new X509Certificate[] {certificate, ca});
            }
            keyManagers.init(keyStore, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private X500Name issuer() {
        return new X500Name(ca.getSubjectX500Principal().getName());
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private Path writePem(Path file, Object value) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(value instanceof PrivateKey key
                    ? new JcaPKCS8Generator(key, null).generate()
                    : value);
        }
        return file;
    }
}

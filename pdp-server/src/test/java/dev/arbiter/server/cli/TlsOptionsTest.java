package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.TlsConfig;
import dev.arbiter.server.testing.TestCertificates;
import dev.arbiter.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cacert}, {@code --cert} and {@code --key} against a server that requires client certificates. */
class TlsOptionsTest {

    @TempDir
    static Path files;

    static TestServer server;
    static TestCertificates.ServerFiles client;
    static Path repo;

    @BeforeAll
    static void start() {
        TestCertificates authority = TestCertificates.create(files);
        TestCertificates.ServerFiles serverFiles = authority.serverFiles();
        server = TestServer.startWithTls(new TlsConfig(serverFiles.certificate(), serverFiles.key(),
                Optional.of(serverFiles.ca())));
        client = authority.clientFiles("spiffe://acme.prod/ns/ci/sa/policy-pipeline");
        repo = files.resolve("repo");
        Cli.write(repo, "p.yaml", "id: p\nservice: tls\nrules:\n  - {name: r, effect: allow, roles: [a], actions: [b]}\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli.Run diff(String... tls) {
        String[] args = new String[tls.length + 4];
        System.arraycopy(new String[] {"diff", repo.toString(), "--server", server.baseUrl()}, 0, args, 0, 4);
        System.arraycopy(tls, 0, args, 4, tls.length);
        return Cli.run(java.util.Map.of("ARBITER_TOKEN", TestServer.ADMIN_TOKEN), args);
    }

    @Test
    void trustingTheAuthorityAndPresentingACertificateWorks() {
        Cli.Run run = diff("--cacert", client.ca().toString(), "--cert", client.certificate().toString(),
                "--key", client.key().toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().contains("+ p (service tls)"), run.out());
    }

    @Test
    void anUntrustedServerOrAMissingClientCertificateIsAServerFailure() {
        Cli.Run untrusted = diff();
        assertEquals(ExitCode.SERVER, untrusted.exit(), untrusted.toString());
        assertTrue(untrusted.err().startsWith("arbiter diff: TLS with " + server.baseUrl() + " failed: "), untrusted.err());

        Cli.Run anonymous = diff("--cacert", client.ca().toString());
        assertEquals(ExitCode.SERVER, anonymous.exit(), anonymous.toString());
    }

    @Test
    void keysAndCertificatesThatCannotBeReadAreBadInput() {
        Cli.Run notAKey = diff("--cacert", client.ca().toString(), "--cert", client.certificate().toString(),
                "--key", client.certificate().toString());
        assertEquals(ExitCode.BAD_INPUT, notAKey.exit(), notAKey.toString());
        assertTrue(notAKey.err().contains("not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY)"), notAKey.err());

        Cli.Run notCertificates = diff("--cacert", client.key().toString());
        assertEquals(ExitCode.BAD_INPUT, notCertificates.exit(), notCertificates.toString());
        assertTrue(notCertificates.err().startsWith("arbiter diff: --cacert " + client.key()), notCertificates.err());

        Cli.Run alone = diff("--cert", client.certificate().toString());
        assertEquals("arbiter diff: --cert and --key go together\n", alone.err());
    }
}

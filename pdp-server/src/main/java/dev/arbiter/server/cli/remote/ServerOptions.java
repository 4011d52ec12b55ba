package dev.arbiter.server.cli.remote;

import dev.arbiter.server.cli.CommandFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of the commands that talk to a server: where, with which token, over which TLS. */
public final class ServerOptions {

    /** Where the token comes from without {@code --token}: safer than a command line, which others can read. */
    public static final String TOKEN_VARIABLE = "ARBITER_TOKEN";

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "the server's base URL, e.g. https://arbiter.internal:8700")
    private String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "an API key with the role policy-admin; default: the environment variable ARBITER_TOKEN")
    private String token;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "PEM certificates of the authorities to trust for the server's certificate"
                    + " (default: the JDK's)")
    private Path trusted;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "PEM certificate chain to present to a server that requires client certificates")
    private Path certificate;

    @Option(names = "--key", paramLabel = "FILE", description = "the unencrypted PKCS#8 PEM private key of --cert")
    private Path key;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long to wait for each answer (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    /** A connection as the options say; options that cannot work together are bad input. */
    public ServerConnection connect(Map<String, String> env) {
        URI base = base();
        String bearer = token != null ? token : env.get(TOKEN_VARIABLE);
        if (bearer == null || bearer.isBlank()) {
            throw CommandFailure.badInput("no token: pass --token or set " + TOKEN_VARIABLE);
        }
        if ((certificate == null) != (key == null)) {
            throw CommandFailure.badInput("--cert and --key go together");
        }
        boolean tls = base.getScheme().equals("https");
        if (!tls && (trusted != null || certificate != null)) {
            throw CommandFailure.badInput("--cacert, --cert and --key need an https:// server, not " + server);
        }
        if (timeoutSeconds <= 0) {
            throw CommandFailure.badInput("--timeout must be a positive number of seconds");
        }
        return new ServerConnection(base, bearer.strip(), Duration.ofSeconds(timeoutSeconds),
                tls ? TlsContexts.of(trusted, certificate, key) : null);
    }

    private URI base() {
        try {
            URI uri = new URI(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw CommandFailure.badInput("--server: '" + server + "' is not an http:// or https:// URL");
    }
}

package dev.arbiter.server.auth;

import dev.arbiter.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes sure an administrator can get in: {@code ARBITER_ADMIN_TOKEN} is ensured as the key
 * "admin" at every start; without it, and with no key at all, a token is generated once the
 * server has started, printed, and written to {@code <data dir>/admin-token} readable by the
 * owner only.
 */
public final class AdminBootstrap {

    public static final String ADMIN_KEY_NAME = "admin";
    public static final String TOKEN_FILE = "admin-token";

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String CREATED_BY = "bootstrap";

    private final ServerConfig config;
    private final KeyRepository keys;

    public AdminBootstrap(ServerConfig config, KeyRepository keys) {
        this.config = config;
        this.keys = keys;
    }

    /** Ensures the configured token, if there is one; before serving, so it works on the first request. */
    public void ensureConfiguredToken() {
        if (config.adminToken().isPresent()) {
            keys.ensure(ADMIN_KEY_NAME, Set.of(Role.ADMIN), Tokens.hash(config.adminToken().get()), CREATED_BY);
            LOG.info("admin key ensured from ARBITER_ADMIN_TOKEN");
        }
    }

    /** Without a configured token and with no key at all, generates one; true when it did. */
    public boolean generateTokenIfNoKey() throws IOException {
        if (config.adminToken().isPresent() || !keys.list().isEmpty()) {
            return false;
        }
        String token = Tokens.generate();
        Path file = writeTokenFile(config.dataDir(), token);
        keys.ensure(ADMIN_KEY_NAME, Set.of(Role.ADMIN), Tokens.hash(token), CREATED_BY);
        System.out.println();
        System.out.println("  Generated the admin API token (shown once; also in " + file + "):");
        System.out.println();
        System.out.println("    " + token);
        System.out.println();
        return true;
    }

    private static Path writeTokenFile(Path dataDir, String token) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(TOKEN_FILE).toAbsolutePath().normalize();
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }
}

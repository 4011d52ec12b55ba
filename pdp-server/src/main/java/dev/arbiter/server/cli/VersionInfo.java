package dev.arbiter.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The version the build wrote into the jar: the project version and, built in a Git checkout,
 * the commit. Build details to come belong in the same properties file.
 */
public final class VersionInfo implements CommandLine.IVersionProvider {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    /** The version line, e.g. {@code arbiter 0.1.0 (commit 1233514abcde)}. */
    public static String line() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/arbiter-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // An unreadable resource leaves the version unknown, which the line says.
        }
        String line = "arbiter " + properties.getProperty("version", "(version unknown)");
        String commit = commit();
        return commit == null ? line : line + " (commit " + commit + ")";
    }

    /** The commit the build saw, or null when it was not built in a Git checkout. */
    private static String commit() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("/arbiter-commit.txt")) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
            return COMMIT.matcher(text).matches() ? text : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}

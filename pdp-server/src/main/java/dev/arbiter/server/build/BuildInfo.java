package dev.arbiter.server.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the build wrote into the jar: the project version and, built in a Git checkout, the commit.
 * Either is {@value #UNKNOWN} when the build could not tell (a source archive has no commit).
 */
public record BuildInfo(String version, String commit) {

    public static final String UNKNOWN = "unknown";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
    private static final BuildInfo CURRENT = new BuildInfo(version(resource("/arbiter-version.properties")),
            commit(resource("/arbiter-commit.txt")));

    /** This jar's build, read once. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** For people: {@code 0.1.0 (commit 1233514abcde)}. */
    public String describe() {
        return version + " (commit " + commit + ")";
    }

    private static String version(String properties) {
        Properties read = new Properties();
        try {
            read.load(new StringReader(properties));
        } catch (IOException e) {
            return UNKNOWN; // a StringReader does not fail; the compiler wants the case handled
        }
        String version = read.getProperty("version", "").strip();
        // An unfiltered resource (classes compiled outside Maven) still holds the placeholder.
        return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    }

    private static String commit(String text) {
        String commit = text.strip();
        return COMMIT.matcher(commit).matches() ? commit : UNKNOWN;
    }

    /** A small resource of the jar as text; empty when it is absent or unreadable. */
    private static String resource(String name) {
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

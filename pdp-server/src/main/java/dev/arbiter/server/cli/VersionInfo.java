package dev.arbiter.server.cli;

import dev.arbiter.server.build.BuildInfo;
import picocli.CommandLine;

/** {@code --version}: the version and commit the build wrote into the jar. */
public final class VersionInfo implements CommandLine.IVersionProvider {

    /** The version line, e.g. {@code arbiter 0.1.0 (commit 1233514abcde)}. */
    public static String line() {
        return "arbiter " + BuildInfo.current().describe();
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}

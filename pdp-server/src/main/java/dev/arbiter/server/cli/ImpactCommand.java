package dev.arbiter.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.cli.remote.ImpactText;
import dev.arbiter.server.cli.remote.RemotePolicies;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code impact <dir>}: the real logged decisions that applying the repository would flip. */
@Command(name = "impact", sortOptions = false,
        description = {"Replays the server's newest logged decisions of the services the repository under <dir>"
                + " governs against its policies (through _impact) and shows the ones that would flip; writes nothing.",
            "Exit 0 (with --fail-on: 4 when such flips exist), 1 on invalid policies, 2 on bad input, 3 when the"
                    + " server cannot be used."})
final class ImpactCommand extends RemoteCommand {

    /** Which flips fail the command. */
    enum FailOn {
        ANY, ALLOW_TO_DENY, DENY_TO_ALLOW;

        /** Reads {@code any}, {@code allow-to-deny}, {@code deny-to-allow}. */
        static final class Converter implements ITypeConverter<FailOn> {
            @Override
            public FailOn convert(String value) {
                for (FailOn failOn : values()) {
                    if (failOn.name().replace('_', '-').equalsIgnoreCase(value)) {
                        return failOn;
                    }
                }
                throw new TypeConversionException("'" + value + "' is not one of any, allow-to-deny, deny-to-allow");
            }
        }

        boolean failed(JsonNode impact) {
            return switch (this) {
                case ANY -> impact.path("flipped").asLong() > 0;
                case ALLOW_TO_DENY -> impact.path("allowToDeny").asLong() > 0;
                case DENY_TO_ALLOW -> impact.path("denyToAllow").asLong() > 0;
            };
        }
    }

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "how many logged decisions to replay, newest first, 1 to 100000 (default: ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--max-flips", paramLabel = "N", defaultValue = "20",
            description = "how many flips to list, 0 to 1000 (default: ${DEFAULT-VALUE}); the counts cover all")
    private int maxFlips;

    @Option(names = "--fail-on", paramLabel = "FLIPS", converter = FailOn.Converter.class,
            description = "exit 4 when decisions would flip: any, allow-to-deny (someone locked out) or deny-to-allow")
    private FailOn failOn;

    ImpactCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int run(RemotePolicies policies, PrintWriter out) {
        JsonNode impact = policies.impact(limit, maxFlips);
        ImpactText.lines(impact).forEach(out::println);
        return failOn != null && failOn.failed(impact) ? ExitCode.CHANGES : ExitCode.OK;
    }
}

package dev.arbiter.server.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An {@code _impact} answer for a reviewer: what would be written, and which real decisions would flip. */
public final class ImpactText {

    private ImpactText() {}

    public static List<String> lines(JsonNode impact) {
        List<String> lines = new ArrayList<>();
        JsonNode policies = impact.path("policies");
        lines.add("policies: " + policies.path("created").size() + " to create, " + policies.path("updated").size()
                + " to update, " + policies.path("deleted").size() + " to delete, " + policies.path("unchanged").size()
                + " unchanged (store revision " + impact.path("revision").asLong() + ")");
        lines.add("replayed " + impact.path("replayed").asLong() + " logged decisions of "
                + String.join(", ", ApplyPlan.strings(impact.path("replayedServices")))
                + (impact.path("oldest").isTextual()
                        ? " from " + impact.path("oldest").asText() + " to " + impact.path("newest").asText() : ""));
        lines.add(impact.path("flipped").asLong() + " would flip: " + impact.path("allowToDeny").asLong()
                + " allow -> deny, " + impact.path("denyToAllow").asLong() + " deny -> allow; "
                + impact.path("ruleChanged").asLong() + " decided the same by another rule; drift "
                + impact.path("drift").asLong() + ", masked " + impact.path("masked").asLong() + " ("
                + impact.path("maskedFlipped").asLong() + " flipped), unreadable "
                + impact.path("unreadable").asLong());
        for (JsonNode flip : impact.path("flips")) {
            lines.addAll(flip(flip));
        }
        if (impact.path("truncated").asBoolean()) {
            lines.add("(more flips than listed; --max-flips lists more)");
        }
        return lines;
    }

    private static List<String> flip(JsonNode flip) {
        JsonNode resource = flip.path("resource");
        String target = String.join("/", List.of(resource.path("service").asText(), resource.path("kind").asText(),
                resource.path("id").asText())).replaceAll("/+$", "");
        return List.of(
                verdict(flip.path("before")) + " -> " + verdict(flip.path("after"))
                        + "  " + flip.path("time").asText() + "  "
                        + flip.path("principal").path("id").asText() + " " + flip.path("action").asText() + " " + target
                        + (flip.path("masked").asBoolean() ? "  (masked input: unreliable)" : ""),
                "    before: " + flip.path("before").path("reason").asText(),
                "    after:  " + flip.path("after").path("reason").asText());
    }

    private static String verdict(JsonNode decision) {
        return decision.path("allow").asBoolean() ? "allow" : "deny";
    }
}

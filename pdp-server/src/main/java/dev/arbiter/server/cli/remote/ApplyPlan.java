package dev.arbiter.server.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code _apply} answered: for a dry run, what applying would write; otherwise what it wrote.
 *
 * @param revision the store revision the plan was made on, or that the apply wrote
 */
public record ApplyPlan(long revision, List<String> services, List<String> created, List<String> updated,
        List<String> deleted, List<String> unchanged) {

    static ApplyPlan of(JsonNode answer) {
        return new ApplyPlan(answer.path("revision").asLong(), strings(answer.path("services")),
                strings(answer.path("created")), strings(answer.path("updated")), strings(answer.path("deleted")),
                strings(answer.path("unchanged")));
    }

    /** Whether applying writes anything. */
    public boolean changes() {
        return !(created.isEmpty() && updated.isEmpty() && deleted.isEmpty());
    }

    /** The counts on one line, e.g. {@code 1 created, 0 updated, 2 deleted, 3 unchanged}. */
    public String counts(String create, String update, String delete) {
        return created.size() + " " + create + ", " + updated.size() + " " + update + ", "
                + deleted.size() + " " + delete
                + ", " + unchanged.size() + " unchanged";
    }

    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return List.copyOf(strings);
    }
}

package dev.arbiter.server.service;

import dev.arbiter.server.engine.CheckRequest;

/**
 * An AuthZEN search: which subjects, resources or actions the other members of {@code template}
 * would be allowed with.
 *
 * @param template the check every candidate fills in; its searched member is a placeholder
 * @param type the type of subjects or resources searched for (ignored for actions)
 * @param limit the most results to answer
 * @param token the previous page's {@code next_token}, or null for the first page
 */
public record SearchQuery(Target target, CheckRequest template, String type, int limit, String token) {

    /** What is searched for. */
    public enum Target {
        SUBJECT,
        RESOURCE,
        ACTION
    }
}

package dev.arbiter.server.service;

import java.util.List;

/**
 * A page of search results.
 *
 * @param results subjects and resources as (type, id); actions as their name in {@code id} with no type
 * @param nextToken the token of the next page, or {@code ""} when this is the last
 */
public record SearchResult(List<Found> results, String nextToken) {

    public record Found(String type, String id) {}

    public SearchResult {
        results = List.copyOf(results);
    }
}

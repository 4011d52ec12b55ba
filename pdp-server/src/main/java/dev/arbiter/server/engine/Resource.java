package dev.arbiter.server.engine;

import java.util.Map;

/** What is asked for. {@code attr} holds CEL-ready values, as in {@link Principal}. */
public record Resource(String service, String kind, String id, Map<String, Object> attr) {}

package dev.arbiter.server.engine;

import java.util.List;
import java.util.Map;

/**
 * Who asks. {@code attr} holds CEL-ready values: String, Long, Double, Boolean, CEL null, and
 * lists and maps of those.
 */
public record Principal(String id, List<String> roles, Map<String, Object> attr) {}

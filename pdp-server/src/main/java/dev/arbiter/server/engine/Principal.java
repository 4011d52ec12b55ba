package dev.arbiter.server.engine;

import java.util.List;
import java.util.Map;

/**
 * Who asks. {@code attr} holds CEL-ready values: String, Long, Double, Boolean, CEL null, and
 * lists and maps of those.
 *
 * @param type what kind of principal this is (AuthZEN's subject type), {@code ""} when not given
 */
public record Principal(String id, String type, List<String> roles, Map<String, Object> attr) {

    /** A principal of no particular type. */
    public Principal(String id, List<String> roles, Map<String, Object> attr) {
        this(id, "", roles, attr);
    }
}

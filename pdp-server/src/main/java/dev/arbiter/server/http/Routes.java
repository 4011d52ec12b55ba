package dev.arbiter.server.http;

import dev.arbiter.server.auth.Role;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds routes to a router and keeps their table, to answer which methods a path allows: the
 * {@code Allow} header of a 405. A template's {@code :name} segment matches any segment not
 * starting with '_' (no id, key name or decision id does), and a last segment {@code *} any rest of
 * the path, none included; the template with the most literal segments wins.
 */
final class Routes {

    private record Template(String[] segments, int literals, Set<String> methods) {}

    /** The last segment of a template that takes any rest of the path. */
    private static final String REST = "*";

    private final Router router;
    private final Map<String, Template> templates = new LinkedHashMap<>();

    Routes(Router router) {
        this.router = router;
    }

    /** A route for callers with one of {@code roles}. */
    void add(HttpMethod method, String path, Role[] roles, Handler<RoutingContext> handler) {
        router.route(method, path).handler(Authenticator.requireAny(roles)).handler(handler);
        allow(method, path);
    }

    /** Records that {@code paths} answer {@code method}. */
    void allow(HttpMethod method, String... paths) {
        for (String path : paths) {
            templates.computeIfAbsent(path, Routes::template).methods().add(method.name());
        }
    }

    /** The methods {@code path} answers, sorted; empty for a path no route has. */
    Set<String> allowed(String path) {
        String[] segments = path.split("/");
        Template best = null;
        for (Template template : templates.values()) {
            if (matches(template.segments(), segments) && (best == null || template.literals() > best.literals())) {
                best = template;
            }
        }
        return best == null ? Set.of() : Collections.unmodifiableSet(best.methods());
    }

    /** Fails a request no route takes: 405 when its path is known, else 404. */
    void noSuchRoute(RoutingContext ctx) {
        ctx.fail(allowed(ctx.normalizedPath()).isEmpty() ? 404 : 405);
    }

    private static Template template(String path) {
        String[] segments = path.split("/");
        int literals = (int) Arrays.stream(segments)
                .filter(segment -> !segment.startsWith(":") && !segment.equals(REST)).count();
        return new Template(segments, literals, new TreeSet<>());
    }

    private static boolean matches(String[] template, String[] path) {
        boolean prefix = template.length > 0 && template[template.length - 1].equals(REST);
        int fixed = prefix ? template.length - 1 : template.length;
        if (prefix ? path.length < fixed : path.length != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            boolean parameter = template[i].startsWith(":");
            if (parameter ? path[i].isEmpty() || path[i].startsWith("_") : !template[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}

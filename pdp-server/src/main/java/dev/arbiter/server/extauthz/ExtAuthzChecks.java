package dev.arbiter.server.extauthz;

import dev.arbiter.server.check.CelValues;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.server.error.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request Envoy asks about, as Arbiter's check (DESIGN.md, "Envoy and Istio external
 * authorization"): the principal is the peer's verified identity, else the verified JWT's
 * {@code sub}, else {@value #ANONYMOUS}; the action is {@code "<METHOD> <path>"}; the resource is
 * the path of kind {@value #KIND} in the route's service. Headers are context, never identity: a
 * client can send any header, so {@code x-forwarded-client-cert} or {@code x-spiffe-id} prove nothing.
 */
public final class ExtAuthzChecks {

    public static final String ANONYMOUS = "anonymous";
    public static final String KIND = "http";
    /** The context extension naming the Arbiter service a route belongs to. */
    public static final String SERVICE = "service";

    private ExtAuthzChecks() {}

    public static CheckRequest check(HttpCall call) {
        if (call.method().isEmpty() || !call.path().startsWith("/")) {
            throw ApiException.badRequest("the request has no HTTP method or no absolute path");
        }
        int values = call.headers().size() + call.contextExtensions().size() + call.jwt().size();
        if (values > CelValues.MAX_VALUES) {
            throw ApiException.badRequest("a request holds at most " + CelValues.MAX_VALUES
                    + " headers, context extensions and claims");
        }
        int queryStart = call.path().indexOf('?');
        String path = queryStart < 0 ? call.path() : call.path().substring(0, queryStart);
        requireCanonical(path);
        String query = queryStart < 0 ? "" : call.path().substring(queryStart + 1);
        Map<String, Object> resourceAttr = map("host", call.host(), "path", path, "query", QueryParameters.of(query));
        Map<String, Object> context = map("headers", headers(call.headers()), "sourceAddress", call.sourceAddress(),
                "destinationPrincipal", call.destinationPrincipal(),
                "contextExtensions", strings(call.contextExtensions()), "jwt", call.jwt());
        return new CheckRequest(new Principal(principal(call), List.of(), RequestMap.empty()),
                call.method() + " " + path, new Resource(service(call), KIND, path, resourceAttr), context, 0);
    }

    /**
     * Refuses a path whose meaning depends on how the service resolves it: {@code /public/../admin}
     * matches {@code "GET /public/*"} as a string but is {@code /admin} to most servers. Envoy
     * normalises paths when told to ({@code normalize_path}, {@code merge_slashes}), so such a
     * path reaches Arbiter only from a proxy that does not; guessing the service's reading would
     * be a way around the rules.
     */
    private static void requireCanonical(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.indexOf('\\') >= 0) {
            throw ApiException.badRequest("the path has an escaped slash or a backslash: let Envoy normalise paths");
        }
        String[] segments = lower.replace("%2e", ".").split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].equals(".") || segments[i].equals("..") || (segments[i].isEmpty() && !last)) {
                throw ApiException.badRequest("the path has a '.', '..' or empty segment: let Envoy normalise paths"
                        + " (normalize_path, merge_slashes)");
            }
        }
    }

    private static String principal(HttpCall call) {
        if (!call.sourcePrincipal().isEmpty()) {
            return call.sourcePrincipal();
        }
        return call.jwt().get("sub") instanceof String subject && !subject.isEmpty() ? subject : ANONYMOUS;
    }

    private static String service(HttpCall call) {
        String named = call.contextExtensions().get(SERVICE);
        if (named != null && !named.isEmpty()) {
            return named;
        }
        String host = withoutPort(call.host());
        if (host.isEmpty()) {
            throw ApiException.badRequest("the request names no service: set the route's context extension '"
                    + SERVICE + "' or send a Host");
        }
        return host;
    }

    /** {@code example.com:8080} and {@code [::1]:8080} without the port, lower-cased: host names ignore case. */
    static String withoutPort(String host) {
        int end = host.length();
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']') < colon && (host.startsWith("[") || host.indexOf(':') == colon)) {
            end = colon;
        }
        return host.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Envoy sends names lower-cased already; the HTTP mode's come as the client spelled them. */
    private static Map<String, Object> headers(Map<String, String> headers) {
        RequestMap.Builder<Object> map = new RequestMap.Builder<>();
        headers.forEach((name, value) -> map.put(name.toLowerCase(Locale.ROOT), value));
        return map.build();
    }

    private static Map<String, Object> strings(Map<String, String> values) {
        RequestMap.Builder<Object> map = new RequestMap.Builder<>();
        values.forEach(map::put);
        return map.build();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        RequestMap.Builder<Object> map = new RequestMap.Builder<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map.build();
    }
}

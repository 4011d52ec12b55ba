package dev.arbiter.server.authzen;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.service.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AuthZEN's information model in Arbiter's: the subject is the principal ({@code properties}
 * are its {@code attr}, except a {@code roles} list of strings, which are its roles), the resource
 * is a resource of the PDP's service ({@code type} is its kind), the action's name is the action
 * and its properties are {@code actionAttr}. A required member that is missing or empty is a 400.
 */
public final class AuthzenChecks {

    private AuthzenChecks() {}

    /** The check one evaluation asks for. */
    public static CheckRequest evaluation(String service, AuthzenRequest.Item item) {
        return new CheckRequest(principal(item, true), actionName(item), resource(service, item, true),
                context(item), actionProperties(item), 0);
    }

    /** What a search asks for, the searched member left as a placeholder the candidates fill in. */
    public static SearchQuery search(SearchQuery.Target target, String service, AuthzenRequest request, int limit) {
        AuthzenRequest.Item item = request.defaults();
        return switch (target) {
            case SUBJECT -> new SearchQuery(target, new CheckRequest(principal(item, false), actionName(item),
                    resource(service, item, true), context(item), actionProperties(item), 0),
                    required(entity(item.subject(), "subject").type(), "subject.type"), limit, request.page().token());
            case RESOURCE -> new SearchQuery(target, new CheckRequest(principal(item, true), actionName(item),
                    resource(service, item, false), context(item), actionProperties(item), 0),
                    required(entity(item.resource(), "resource").type(), "resource.type"), limit,
                    request.page().token());
            case ACTION -> new SearchQuery(target, new CheckRequest(principal(item, true), "",
                    resource(service, item, true), context(item), RequestMap.empty(), 0), "", limit,
                    request.page().token());
        };
    }

    private static Principal principal(AuthzenRequest.Item item, boolean identified) {
        AuthzenRequest.Entity subject = entity(item.subject(), "subject");
        String type = required(subject.type(), "subject.type");
        if (!identified) {
            return new Principal("", type, List.of(), RequestMap.empty());
        }
        String id = required(subject.id(), "subject.id");
        Map<String, Object> properties = subject.properties() == null ? RequestMap.empty() : subject.properties();
        List<String> roles = roles(properties.get("roles"));
        if (roles == null) {
            return new Principal(id, type, List.of(), properties);
        }
        RequestMap.Builder<Object> attr = new RequestMap.Builder<>();
        properties.forEach((key, value) -> {
            if (!key.equals("roles")) {
                attr.put(key, value);
            }
        });
        return new Principal(id, type, roles, attr.build());
    }

    private static Resource resource(String service, AuthzenRequest.Item item, boolean identified) {
        AuthzenRequest.Entity resource = entity(item.resource(), "resource");
        String type = required(resource.type(), "resource.type");
        return new Resource(service, type, identified ? required(resource.id(), "resource.id") : "",
                resource.properties() == null ? RequestMap.empty() : resource.properties());
    }

    private static String actionName(AuthzenRequest.Item item) {
        if (item.action() == null) {
            throw ApiException.badRequest("action", "is required");
        }
        return required(item.action().name(), "action.name");
    }

    private static Map<String, Object> actionProperties(AuthzenRequest.Item item) {
        return item.action() == null || item.action().properties() == null ? RequestMap.empty()
                : item.action().properties();
    }

    private static Map<String, Object> context(AuthzenRequest.Item item) {
        return item.context() == null ? RequestMap.empty() : item.context();
    }

    /** A {@code roles} property that is a list of strings, or null when it is not one. */
    private static List<String> roles(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        List<String> roles = new ArrayList<>(list.size());
        list.forEach(role -> roles.add((String) role));
        return roles;
    }

    private static AuthzenRequest.Entity entity(AuthzenRequest.Entity entity, String name) {
        if (entity == null) {
            throw ApiException.badRequest(name, "is required");
        }
        return entity;
    }

    private static String required(String value, String path) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(path, "is required: a non-empty string");
        }
        return value;
    }
}

package dev.arbiter.server.engine;

import dev.arbiter.store.model.Policy;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The attribute names the directory holds: of principals, and of resources per service. A
 * condition reading one of them is reading a stored fact, not a name no caller sends.
 */
public record DirectoryAttributes(Set<String> principal, Map<String, Set<String>> resourceByService) {

    public static final DirectoryAttributes NONE = new DirectoryAttributes(Set.of(), Map.of());

    static DirectoryAttributes of(Directory directory) {
        Set<String> principal = new HashSet<>();
        directory.walkPrincipals(null, entry -> {
            principal.addAll(entry.attr().keySet());
            return true;
        });
        Map<String, Set<String>> resource = new HashMap<>();
        directory.walkResources(null, entry -> {
            resource.computeIfAbsent(entry.service(), service -> new HashSet<>()).addAll(entry.attr().keySet());
            return true;
        });
        return new DirectoryAttributes(Collections.unmodifiableSet(principal), Collections.unmodifiableMap(resource));
    }

    /**
     * The names the directory holds for {@code object} ({@code principal.attr} or {@code resource.attr})
     * as a rule of {@code service} sees them ({@code "*"}: any service).
     */
    Set<String> names(String object, String service) {
        return switch (object) {
            case "principal.attr" -> principal;
            case "resource.attr" -> service.equals(Policy.EVERY_SERVICE)
                    ? allResourceNames()
                    : resourceByService.getOrDefault(service, Set.of());
            default -> Set.of();
        };
    }

    private Set<String> allResourceNames() {
        Set<String> all = new HashSet<>();
        resourceByService.values().forEach(all::addAll);
        return all;
    }
}

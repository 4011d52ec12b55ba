package dev.arbiter.server.extauthz;

import java.util.Map;

/**
 * One HTTP request Envoy asks about, however it asked (gRPC or HTTP mode): everything the mapping
 * to a check reads, and nothing Arbiter could mistake for a verified identity.
 *
 * @param path the request target as the client sent it: path and query, undecoded
 * @param host the {@code Host} or {@code :authority}, port included when sent
 * @param headers the request's headers, names lower-cased
 * @param sourceAddress the calling peer's IP address, {@code ""} when unknown
 * @param sourcePrincipal the calling peer's verified identity (its certificate's URI SAN), {@code ""} when none
 * @param destinationPrincipal the identity of the workload called, {@code ""} when unknown
 * @param contextExtensions what the route's ext_authz configuration adds, e.g. {@code service}
 * @param jwt the claims of the JWT Envoy's jwt_authn filter verified, CEL-ready; empty when none
 */
public record HttpCall(String method, String path, String host, Map<String, String> headers, String sourceAddress,
        String sourcePrincipal, String destinationPrincipal, Map<String, String> contextExtensions,
        Map<String, Object> jwt) {}

package dev.arbiter.server.extauthz;

import dev.arbiter.envoy.config.core.v3.Address;
import dev.arbiter.envoy.config.core.v3.HeaderValue;
import dev.arbiter.envoy.service.auth.v3.AttributeContext;
import dev.arbiter.envoy.service.auth.v3.CheckRequest;
import dev.arbiter.server.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What Envoy's gRPC {@code CheckRequest} says about the request it holds. The source peer's
 * {@code principal} is the identity Envoy verified (mTLS); a request without HTTP attributes (the
 * network filter's) cannot be mapped and is refused.
 */
public final class EnvoyAttributes {

    private EnvoyAttributes() {}

    public static HttpCall read(CheckRequest request) {
        AttributeContext attributes = request.getAttributes();
        if (!attributes.getRequest().hasHttp()) {
            throw ApiException.badRequest("attributes.request.http", "is required: Arbiter decides on HTTP requests");
        }
        AttributeContext.HttpRequest http = attributes.getRequest().getHttp();
        return new HttpCall(http.getMethod(), http.getPath(), http.getHost(), headers(http),
                address(attributes.getSource().getAddress()), attributes.getSource().getPrincipal(),
                attributes.getDestination().getPrincipal(), attributes.getContextExtensionsMap(),
                JwtClaims.of(attributes.getMetadataContext().getFilterMetadataMap()));
    }

    /** The headers map, or the raw header list Envoy sends instead with {@code encode_raw_headers}. */
    private static Map<String, String> headers(AttributeContext.HttpRequest http) {
        if (http.getHeaderMap().getHeadersCount() == 0) {
            return http.getHeadersMap();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (HeaderValue header : http.getHeaderMap().getHeadersList()) {
            String value = header.getRawValue().isEmpty() ? header.getValue()
                    : header.getRawValue().toString(StandardCharsets.UTF_8);
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), value, (first, next) -> first + "," + next);
        }
        return headers;
    }

    private static String address(Address address) {
        return address.hasSocketAddress() ? address.getSocketAddress().getAddress() : "";
    }
}

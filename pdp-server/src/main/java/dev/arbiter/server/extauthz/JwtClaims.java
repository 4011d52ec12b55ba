package dev.arbiter.server.extauthz;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.arbiter.server.check.CelValues;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The claims of the JWT Envoy's {@code jwt_authn} filter verified. The filter writes each verified
 * payload into its dynamic metadata under the provider's {@code payload_in_metadata} name; the
 * first payload (by that name) with a {@code sub} is the caller's. Values become CEL values:
 * whole numbers Long (as {@code exp} and {@code iat} are), other numbers Double.
 */
final class JwtClaims {

    /** The namespace of jwt_authn's metadata, which the ext_authz filter must be told to send. */
    static final String JWT_AUTHN = "envoy.filters.http.jwt_authn";
    private static final double LONG_LIMIT = 0x1p63;

    private int budget = CelValues.MAX_VALUES;

    private JwtClaims() {}

    /** The verified claims in {@code filterMetadata}; empty when jwt_authn verified none. */
    static Map<String, Object> of(Map<String, Struct> filterMetadata) {
        Struct jwtAuthn = filterMetadata.get(JWT_AUTHN);
        if (jwtAuthn == null) {
            return RequestMap.empty();
        }
        Struct payload = null;
        for (Value candidate : new TreeMap<>(jwtAuthn.getFieldsMap()).values()) {
            if (candidate.hasStructValue() && (payload == null || !payload.containsFields("sub"))) {
                payload = candidate.getStructValue();
            }
        }
        return payload == null ? RequestMap.empty() : new JwtClaims().struct(payload);
    }

    private Map<String, Object> struct(Struct struct) {
        RequestMap.Builder<Object> map = new RequestMap.Builder<>();
        struct.getFieldsMap().forEach((name, value) -> map.put(name, value(value)));
        return map.build();
    }

    private Object value(Value value) {
        if (--budget < 0) {
            throw ApiException.badRequest("the verified JWT holds more than " + CelValues.MAX_VALUES + " values");
        }
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRUCT_VALUE -> struct(value.getStructValue());
            case LIST_VALUE -> list(value.getListValue());
            case NULL_VALUE, KIND_NOT_SET -> CelValues.NULL;
        };
    }

    private List<Object> list(ListValue list) {
        List<Object> values = new ArrayList<>(list.getValuesCount());
        for (Value value : list.getValuesList()) {
            values.add(value(value));
        }
        return values;
    }

    private static Object number(double number) {
        return number == Math.rint(number) && Math.abs(number) < LONG_LIMIT ? (Object) (long) number : number;
    }
}

package dev.arbiter.server.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import dev.arbiter.envoy.service.auth.v3.CheckRequest;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.service.DecisionOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The proto subset against Envoy's published numbering (API v3, envoy/service/auth/v3 and
 * envoy/config/core/v3): a CheckRequest is encoded here field by field from those numbers, with
 * fields the subset leaves out, and must map as DESIGN.md says; answers are decoded by field number
 * alone, as Envoy's own code reads them, without Arbiter's generated classes.
 */
class EnvoyWireTest {

    /** A message field by field: tags and values in protobuf's wire format. */
    private static final class Wire {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

        Wire string(int field, String value) throws IOException {
            out.writeString(field, value);
            return this;
        }

        Wire message(int field, Wire message) throws IOException {
            out.writeBytes(field, ByteString.copyFrom(message.bytes()));
            return this;
        }

        Wire uint(int field, long value) throws IOException {
            out.writeUInt64(field, value);
            return this;
        }

        Wire int64(int field, long value) throws IOException {
            out.writeInt64(field, value);
            return this;
        }

        Wire number(int field, double value) throws IOException {
            out.writeDouble(field, value);
            return this;
        }

        /** A map entry: key 1, value 2. */
        Wire entry(int field, String key, String value) throws IOException {
            return message(field, new Wire().string(1, key).string(2, value));
        }

        Wire entry(int field, String key, Wire value) throws IOException {
            return message(field, new Wire().string(1, key).message(2, value));
        }

        byte[] bytes() throws IOException {
            out.flush();
            return bytes.toByteArray();
        }
    }

    /** What Envoy 1.3x's ext_authz HTTP filter sends for an mTLS request with a verified JWT. */
    static byte[] envoysCheckRequest() throws IOException {
        Wire http = new Wire()
                .string(1, "4f7c1a6e-0b7d-4c5e-9e7f-1d2a3b4c5d6e")          // id
                .string(2, "POST")                                          // method
                .entry(3, ":authority", "orders:8080")                      // headers
                .entry(3, "x-spiffe-id", "spiffe://evil/ns/x/sa/admin")
                .entry(3, "authorization", "Bearer app-token")
                .string(4, "/orders/o-17/items?expand=price&expand=stock")  // path
                .string(5, "orders:8080")                                   // host
                .string(6, "https")                                         // scheme
                .int64(9, -1)                                               // size
                .string(10, "HTTP/2");                                      // protocol
        Wire request = new Wire()
                .message(1, new Wire().uint(1, 1_764_700_000).uint(2, 5))   // time: Timestamp, not in the subset
                .message(2, http);
        Wire jwtPayload = new Wire()                                        // google.protobuf.Struct
                .entry(1, "sub", new Wire().string(3, "user-42"))           // Value.string_value
                .entry(1, "exp", new Wire().number(2, 1_900_000_000))       // Value.number_value
                .entry(1, "scope", new Wire().string(3, "orders:write"));
        Wire jwtAuthn = new Wire().entry(1, "jwt_payload", new Wire().message(5, jwtPayload)); // Value.struct_value
        Wire attributes = new Wire()
                .message(1, new Wire()                                      // source: Peer
                        .message(1, new Wire().message(1, new Wire()       // address.socket_address
                                .string(2, "10.1.2.3").uint(3, 51234)))
                        .string(2, "checkout")                              // service
                        .string(4, "spiffe://acme.prod/ns/shop/sa/checkout") // principal
                        .string(5, "-----BEGIN%20CERTIFICATE-----"))        // certificate
                .message(2, new Wire().string(4, "spiffe://acme.prod/ns/shop/sa/orders"))
                .message(4, request)
                .entry(10, "service", "orders")                             // context_extensions
                .message(11, new Wire().entry(1, "envoy.filters.http.jwt_authn", jwtAuthn)) // metadata_context
                .message(12, new Wire().string(1, "orders.shop"));          // tls_session, not in the subset
        return new Wire().message(1, attributes).bytes();
    }

    @Test
    void aCheckRequestEncodedByEnvoysNumbersMapsAsDesignSays() throws Exception {
        HttpCall call = EnvoyAttributes.read(CheckRequest.parseFrom(envoysCheckRequest()));
        dev.arbiter.server.engine.CheckRequest check = ExtAuthzChecks.check(call);
        assertEquals("spiffe://acme.prod/ns/shop/sa/checkout", check.principal().id());
        assertEquals("POST /orders/o-17/items", check.action());
        assertEquals("orders", check.resource().service());
        assertEquals("http", check.resource().kind());
        assertEquals("/orders/o-17/items", check.resource().id());
        assertEquals("orders:8080", check.resource().attr().get("host"));
        assertEquals("/orders/o-17/items", check.resource().attr().get("path"));
        assertEquals(Map.of("expand", "price"), Map.copyOf((Map<?, ?>) check.resource().attr().get("query")));
        Map<?, ?> headers = (Map<?, ?>) check.context().get("headers");
        assertEquals("Bearer app-token", headers.get("authorization"));
        assertEquals("spiffe://evil/ns/x/sa/admin", headers.get("x-spiffe-id"), "kept as a claim, not an identity");
        assertEquals("10.1.2.3", check.context().get("sourceAddress"));
        assertEquals("spiffe://acme.prod/ns/shop/sa/orders", check.context().get("destinationPrincipal"));
        assertEquals(Map.of("service", "orders"), Map.copyOf((Map<?, ?>) check.context().get("contextExtensions")));
        Map<?, ?> jwt = (Map<?, ?>) check.context().get("jwt");
        assertEquals("user-42", jwt.get("sub"));
        assertEquals(1_900_000_000L, jwt.get("exp"), "whole numbers are CEL ints");
        assertEquals("orders:write", jwt.get("scope"));
    }

    @Test
    void anAllowDecodesAsEnvoyReadsIt() throws Exception {
        UUID id = UUID.randomUUID();
        UnknownFieldSet response = UnknownFieldSet.parseFrom(ExtAuthzAnswers.grpc(outcome(id, true)).toByteArray());
        UnknownFieldSet status = message(response, 1);
        assertFalse(status.hasField(1), "code 0 (OK) is the default, so not on the wire");
        assertFalse(response.hasField(2));
        UnknownFieldSet ok = message(response, 3);                          // ok_response
        List<ByteString> headers = ok.getField(2).getLengthDelimitedList(); // headers
        assertEquals(1, headers.size());
        UnknownFieldSet option = UnknownFieldSet.parseFrom(headers.get(0));
        UnknownFieldSet header = message(option, 1);
        assertEquals("x-arbiter-decision-id", string(header, 1));
        assertEquals(id.toString(), string(header, 2));
        assertEquals(List.of(2L), option.getField(3).getVarintList(), "OVERWRITE_IF_EXISTS_OR_ADD");
    }

    @Test
    void aDenyDecodesAsEnvoyReadsIt() throws Exception {
        UUID id = UUID.randomUUID();
        UnknownFieldSet response = UnknownFieldSet.parseFrom(ExtAuthzAnswers.grpc(outcome(id, false)).toByteArray());
        UnknownFieldSet status = message(response, 1);
        assertEquals(List.of(7L), status.getField(1).getVarintList(), "PERMISSION_DENIED");
        assertEquals("denied by default", string(status, 2));
        assertFalse(response.hasField(3));
        UnknownFieldSet denied = message(response, 2);                      // denied_response
        assertEquals(List.of(403L), message(denied, 1).getField(1).getVarintList());
        assertEquals("{\"reason\":\"denied by default\",\"decisionId\":\"" + id + "\"}", string(denied, 3));
        List<String> names = denied.getField(2).getLengthDelimitedList().stream()
                .map(option -> string(message(parse(option), 1), 1)).toList();
        assertTrue(names.containsAll(List.of("content-type", "x-arbiter-decision-id")), names.toString());
    }

    private static DecisionOutcome outcome(UUID id, boolean allow) {
        return new DecisionOutcome(id, allow ? new Decision(true, "p", "r", 3, "allowed by p/r")
                : new Decision(false, null, null, 3, "denied by default"), null);
    }

    private static UnknownFieldSet message(UnknownFieldSet parent, int field) {
        List<ByteString> values = parent.getField(field).getLengthDelimitedList();
        assertEquals(1, values.size(), "field " + field);
        return parse(values.get(0));
    }

    private static UnknownFieldSet parse(ByteString bytes) {
        try {
            return UnknownFieldSet.parseFrom(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String string(UnknownFieldSet message, int field) {
        return message.getField(field).getLengthDelimitedList().get(0).toStringUtf8();
    }
}

package dev.arbiter.server.extauthz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.envoy.config.core.v3.HeaderValue;
import dev.arbiter.envoy.config.core.v3.HeaderValueOption;
import dev.arbiter.envoy.rpc.Status;
import dev.arbiter.envoy.service.auth.v3.CheckResponse;
import dev.arbiter.envoy.service.auth.v3.DeniedHttpResponse;
import dev.arbiter.envoy.service.auth.v3.OkHttpResponse;
import dev.arbiter.envoy.type.v3.HttpStatus;
import dev.arbiter.envoy.type.v3.StatusCode;
import dev.arbiter.server.service.DecisionOutcome;
import dev.arbiter.store.model.PolicyJson;

/**
 * Decisions as Envoy reads them. Allowed: status {@code OK}, and the decision id added to the
 * request sent upstream, replacing any the client sent. Denied: status {@code PERMISSION_DENIED}
 * and the HTTP 403 the client gets, whose JSON body says why and names the decision.
 */
public final class ExtAuthzAnswers {

    /** The header carrying the decision id upstream (allowed) and to the client (denied). */
    public static final String DECISION_ID = "x-arbiter-decision-id";
    /** google.rpc.Code values. */
    private static final int OK = 0;
    private static final int PERMISSION_DENIED = 7;

    private ExtAuthzAnswers() {}

    public static CheckResponse grpc(DecisionOutcome outcome) {
        String decisionId = outcome.decisionId().toString();
        if (outcome.decision().allow()) {
            return CheckResponse.newBuilder().setStatus(Status.newBuilder().setCode(OK))
                    .setOkResponse(OkHttpResponse.newBuilder().addHeaders(header(DECISION_ID, decisionId)))
                    .build();
        }
        return CheckResponse.newBuilder()
                .setStatus(Status.newBuilder().setCode(PERMISSION_DENIED).setMessage(outcome.decision().reason()))
                .setDeniedResponse(DeniedHttpResponse.newBuilder()
                        .setStatus(HttpStatus.newBuilder().setCode(StatusCode.Forbidden))
                        .addHeaders(header("content-type", "application/json"))
                        .addHeaders(header(DECISION_ID, decisionId))
                        .setBody(denialBody(outcome)))
                .build();
    }

    /** {@code {"reason": …, "decisionId": …}}: what a denied client reads. */
    public static String denialBody(DecisionOutcome outcome) {
        ObjectNode body = PolicyJson.MAPPER.createObjectNode();
        body.put("reason", outcome.decision().reason());
        body.put("decisionId", outcome.decisionId().toString());
        try {
            return PolicyJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static HeaderValueOption header(String name, String value) {
        return HeaderValueOption.newBuilder().setHeader(HeaderValue.newBuilder().setKey(name).setValue(value))
                .setAppendAction(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD).build();
    }
}

package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.RawHttp;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests the fuzz test found answered with a 5xx, a bare status without the JSON envelope, or
 * not at all: each is now a 4xx JSON error, and none changes the store.
 */
class MalformedHttpTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String AUTH = "Authorization: Bearer " + TestServer.ADMIN_TOKEN + "\r\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad percent-encoding in the path  | GET /v1/policies/%zz HTTP/1.1                  | 400 | invalid_request",
        "bad percent-encoding in the query | GET /v1/decisions?from=%zz HTTP/1.1            | 400 | invalid_request",
        "NUL in the path                   | GET /v1/policies/a%00b HTTP/1.1                | 400 | invalid_request",
        "NUL in the query                  | GET /v1/policies?service=a%00b HTTP/1.1        | 400 | invalid_request",
        "NUL in a key name to delete       | DELETE /v1/keys/a%00b HTTP/1.1                 | 400 | invalid_request",
    })
    void badPathsAndQueries(String what, String requestLine, int status, String code) throws IOException {
        assertError(send(requestLine + "\r\nHost: x\r\n" + AUTH + "Connection: close\r\n\r\n"), status, code, what);
    }

    @Test
    void multipartBodiesAreUnsupportedMediaTypes() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--b--\r\n";
        RawHttp.Answer answer = send("POST /v1/check HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertError(answer, 415, "unsupported_media_type", "multipart body");
    }

    @Test
    void jsonLabelledAsAFormIsReadAsJsonAsCurlSendsIt() throws IOException {
        // curl -d labels its body application/x-www-form-urlencoded; a '%' in it is no form escape.
        String body = "{\"principal\": {\"id\": \"100%\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}}";
        RawHttp.Answer answer = send("POST /v1/check HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertEquals(200, answer.status(), answer.text());
        assertFalse(PolicyJson.MAPPER.readTree(answer.body()).get("allow").asBoolean());
    }

    @Test
    void anOverlongRequestLineIsRefusedWithTheEnvelope() throws IOException {
        RawHttp.Answer answer = send("GET /v1/policies/" + "x".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "\r\n");
        assertError(answer, 414, "uri_too_long", "long request line");
        assertEquals("close", answer.header("Connection"));
    }

    @Test
    void overlargeHeadersAreRefusedWithTheEnvelope() throws IOException {
        RawHttp.Answer answer = send("GET /v1/policies HTTP/1.1\r\nHost: x\r\n" + AUTH + "X-Big: "
                + "v".repeat(9_000) + "\r\n\r\n");
        assertError(answer, 431, "headers_too_large", "large header");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "header line without a colon | NoColon",
        "Content-Length not a number | Content-Length: abc",
        "two Content-Lengths         | Content-Length: 1, 2",
        "negative Content-Length     | Content-Length: -1",
    })
    void malformedHttpIsRefusedWithTheEnvelope(String what, String header) throws IOException {
        RawHttp.Answer answer = send("POST /v1/check HTTP/1.1\r\nHost: x\r\n" + AUTH + header
                + "\r\nContent-Type: application/json\r\n\r\n{}");
        assertError(answer, 400, "malformed_http", what);
        assertEquals("close", answer.header("Connection"), what);
    }

    @Test
    void brokenChunksAreRefusedWithTheEnvelope() throws IOException {
        RawHttp.Answer answer = send("POST /v1/check HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertTrue(answer.status() == 400, "broken chunk: " + answer.status() + " " + answer.text());
        assertEnvelope(answer, "broken chunk");
    }

    @Test
    void aBodyCutOffMidwayNeverGetsA5xxAndTheServerGoesOn() throws IOException {
        byte[] request = ("PUT /v1/policies/cut HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"id\": \"cut\"")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Exchange exchange = RawHttp.exchange(port(), request, true, false, GENEROUS);
        if (!exchange.closedWithoutAnswer()) {
            assertTrue(exchange.answer().status() < 500, exchange.answer().text());
        }
        assertEquals(404, arbiter.server().admin().get("/v1/policies/cut").status());
    }

    @Test
    void methodsAnEndpointDoesNotTakeAre405sThatSayWhichItDoesAndKeepTheConnection() throws IOException {
        String requests = "DELETE /v1/check HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n"
                + "PATCH /v1/policies/payments-api HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Length: 2\r\n\r\n{}"
                + "POST /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                + "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
        List<RawHttp.Answer> answers = RawHttp.answers(port(), requests.getBytes(StandardCharsets.UTF_8), 4, GENEROUS);
        assertEquals(4, answers.size(), "every answer came on the same connection");
        assertError(answers.get(0), 405, "method_not_allowed", "DELETE /v1/check");
        assertEquals("POST", answers.get(0).header("Allow"));
        assertError(answers.get(1), 405, "method_not_allowed", "PATCH a policy");
        assertEquals("DELETE, GET, PUT", answers.get(1).header("Allow"));
        assertError(answers.get(2), 405, "method_not_allowed", "POST /health/live");
        assertEquals("GET", answers.get(2).header("Allow"));
        assertEquals(200, answers.get(3).status());
    }

    private static RawHttp.Answer send(String request) throws IOException {
        RawHttp.Exchange exchange = RawHttp.exchange(port(), request.getBytes(StandardCharsets.UTF_8), false, false,
                GENEROUS);
        assertFalse(exchange.closedWithoutAnswer(), "an answer came");
        return exchange.answer();
    }

    private static void assertError(RawHttp.Answer answer, int status, String code, String what) throws IOException {
        assertEquals(status, answer.status(), what + ": " + answer.text());
        assertEnvelope(answer, what);
        assertEquals(code, PolicyJson.MAPPER.readTree(answer.body()).path("error").path("code").asText(), what);
    }

    private static void assertEnvelope(RawHttp.Answer answer, String what) throws IOException {
        String type = answer.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/json"), what + ": Content-Type " + type);
        JsonNode error = PolicyJson.MAPPER.readTree(answer.body()).path("error");
        assertFalse(error.path("message").asText().isEmpty(), what + ": " + answer.text());
    }

    private static int port() {
        return URI.create(arbiter.server().baseUrl()).getPort();
    }
}

package dev.arbiter.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates hostile HTTP requests to every endpoint, reproducibly: request {@code i} of a seed is
 * always the same bytes. Each aims at an endpoint and bends some of path, query, headers, framing
 * and body. Requests that could change the store are built so that the store must refuse them:
 * their bodies are spoiled ({@link JsonBodies}), and paths that delete or roll back name objects
 * that do not exist, unless a precondition that cannot hold comes with them.
 */
public final class HostileRequests {

    private static final String ABSENT_POLICY = "fuzz-absent-";
    private static final String ABSENT_KEY = "fuzz-absent-key-";

    private final FuzzFixture fixture;
    private final long seed;

    public HostileRequests(FuzzFixture fixture, long seed) {
        this.fixture = fixture;
        this.seed = seed;
    }

    /** The endpoints aimed at, as "METHOD template". */
    public static List<String> targets() {
        return Target.ALL.stream().map(Target::toString).toList();
    }

    public Shot shot(long index) {
        return new Generation(new Random(seed ^ (index * 0x9E3779B97F4A7C15L)), index).build();
    }

    /** The making of one request. */
    private final class Generation {

        private final Random random;
        private final long index;
        private final List<String> notes = new ArrayList<>();
        private final List<String[]> headers = new ArrayList<>();
        private String method;
        private boolean halfClose;

        Generation(Random random, long index) {
            this.random = random;
            this.index = index;
        }

        Shot build() {
            Target target = HostileValues.pick(random, Target.ALL);
            method = target.method();
            boolean existingObject = false;
            String path = target.template();
            if (path.contains("{id}")) {
                String id = policyId(target);
                existingObject = id.equals(fixture.policyId());
                path = path.replace("{id}", id);
            }
            path = path.replace("{version}", chance(2) ? "1" : segment())
                    .replace("{decision}", decisionId())
                    .replace("{name}", chance(2) ? ABSENT_KEY + random.nextInt(1_000) : segment());
            if (target.effect() == Target.Effect.NONE && chance(20)) {
                path = bendPath(path);
            }
            String requestTarget = path + query(target);

            headers.add(header("Host", "127.0.0.1:" + fixture.port()));
            authorization();
            if (existingObject && target.effect() == Target.Effect.CHANGES_PATH_OBJECT) {
                failingPrecondition();
            }
            byte[] body = body(target, existingObject ? fixture.policyId() : null);
            if (body != null && (chance(5) || random.nextInt(10) < 8)) {
                headers.add(header("Content-Type", chance(5) ? oddContentType() : "application/json"));
            } else if (chance(10)) {
                headers.add(header("Content-Type", oddContentType()));
            }
            oddHeaders(target);
            headers.add(header("Connection", chance(50) ? "keep-alive" : "close"));
            byte[] request = frame(requestLine(requestTarget), body);
            return new Shot(index, target.toString(), String.join("; ", notes), method.equals("HEAD"), request,
                    halfClose);
        }

        /** Existing only where nothing can change it; absent or malformed where something could. */
        private String policyId(Target target) {
            int roll = random.nextInt(10);
            if (target.effect() == Target.Effect.CHANGES_PATH_OBJECT) {
                return roll < 2 ? fixture.policyId() : roll < 6 ? ABSENT_POLICY + random.nextInt(1_000) : segment();
            }
            return roll < 4 ? fixture.policyId() : roll < 6 ? ABSENT_POLICY + random.nextInt(1_000) : segment();
        }

        private String decisionId() {
            int roll = random.nextInt(10);
            return roll < 4 ? fixture.decisionId() : roll < 6 ? UUID.randomUUID().toString() : segment();
        }

        private String segment() {
            String segment = HostileValues.pick(random, HostileValues.SEGMENTS);
            notes.add("segment " + abbreviate(segment));
            return segment;
        }

        private String bendPath(String path) {
            notes.add("bent path");
            return switch (random.nextInt(7)) {
                case 0 -> path + "/";
                case 1 -> path.replaceFirst("/", "//");
                case 2 -> path.replace("/v1/", "/v1/./");
                case 3 -> path.replace("/v1/", "/v1/nothing/../");
                case 4 -> path + "#fragment";
                case 5 -> path.toUpperCase(java.util.Locale.ROOT);
                default -> path + "/" + "x".repeat(9_000);
            };
        }

        private String query(Target target) {
            int roll = random.nextInt(10);
            if (roll < 5) {
                return "";
            }
            List<String> pairs = new ArrayList<>();
            for (Target.Param param : target.params()) {
                if (chance(2)) {
                    pairs.add(param.name() + "=" + param.goodValue());
                }
            }
            if (roll >= 7) {
                notes.add("odd query");
                for (int i = random.nextInt(3); i >= 0; i--) {
                    pairs.add(oddParameter(target));
                }
            }
            return pairs.isEmpty() && chance(2) ? "?" : "?" + String.join("&", pairs);
        }

        private String oddParameter(Target target) {
            String name = target.params().isEmpty() ? "fuzz" : HostileValues.pick(random, target.params()).name();
            return switch (random.nextInt(7)) {
                case 0 -> "fuzz-unknown=1";
                case 1 -> name + "=1&" + name + "=2";
                case 2 -> name + "=";
                case 3 -> name;
                case 4 -> name + "=" + "9".repeat(5_000);
                case 5 -> "&&=x&";
                default -> name + "=" + HostileValues.pick(random, HostileValues.SEGMENTS);
            };
        }

        private void authorization() {
            int roll = random.nextInt(100);
            if (roll < 88) {
                headers.add(header("Authorization", "Bearer " + fixture.adminToken()));
            } else if (roll < 92) {
                headers.add(header("Authorization", "Bearer " + fixture.checkToken()));
            } else if (roll < 95) {
                notes.add("no token");
            } else {
                notes.add("odd Authorization");
                headers.add(header("Authorization", HostileValues.pick(random, List.of("Bearer", "Bearer  ",
                        "Basic YWRtaW46YWRtaW4=", "Bearer " + "A".repeat(7_000), "Bearer é", "Bearer arb_\u0000",
                        "bearer " + fixture.adminToken(), "Bearer " + fixture.adminToken() + " trailing"))));
            }
        }

        /** A precondition the existing policy cannot meet, so a delete or rollback of it must fail. */
        private void failingPrecondition() {
            notes.add("failing precondition");
            if (chance(4)) {
                headers.add(header("If-None-Match", "*"));
            } else {
                headers.add(header("If-Match", HostileValues.pick(random, List.of("\"999999\"", "W/\"1\"", "abc",
                        "\"\"", "\"-1\"", "\"0\"", "*, \"1\"", "\"2147483648\""))));
            }
        }

        private byte[] body(Target target, String policyId) {
            if (target.body() == null) {
                if (chance(20)) {
                    notes.add("body on a request without one");
                    return HostileValues.utf8("{\"unexpected\": true}");
                }
                return null;
            }
            boolean mustFail = target.effect() == Target.Effect.WRITES_BODY;
            JsonBodies.Body body = JsonBodies.of(target.body(), policyId, mustFail, random);
            if (!body.notes().isEmpty()) {
                notes.add(body.notes());
            }
            return body.bytes();
        }

        private String oddContentType() {
            String type = HostileValues.pick(random, List.of("", "text/plain", "application/yaml",
                    "application/x-yaml; charset=latin1", "text/yaml", "application/json; charset=utf-16",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "multipart/form-data",
                    "application/json, text/plain", "é/é", "application/*", "application/json; charset=\u0000"));
            notes.add("Content-Type " + abbreviate(type));
            return type;
        }

        private void oddHeaders(Target target) {
            if (chance(12)) {
                String accept = HostileValues.pick(random, List.of("", "garbage", "*/*;q=abc", "text/csv;q=2",
                        "application/x-ndjson", "text/csv", "text/html", "application/json;q=0",
                        "text/*, application/*;q=0.5", "text/csv;q=0.5, application/x-ndjson;q=0.9",
                        String.join(", ", java.util.Collections.nCopies(300, "text/html"))));
                notes.add("Accept " + abbreviate(accept));
                headers.add(header("Accept", accept));
            }
            if (chance(12)) {
                String ifMatch = HostileValues.pick(random, List.of("", "\"", "W/\"1\"", "\"abc\"", "*, \"1\"",
                        "\"99999999999\"", "é", "\"" + "9".repeat(5_000) + "\"", "\"-1\"", "\"1\", \"2\""));
                notes.add("If-Match " + abbreviate(ifMatch));
                headers.add(header("If-Match", ifMatch));
            }
            if (chance(20)) {
                String ifNoneMatch = HostileValues.pick(random, List.of("\"1\"", "", "**", "*", "W/*"));
                notes.add("If-None-Match " + abbreviate(ifNoneMatch));
                headers.add(header("If-None-Match", ifNoneMatch));
            }
            if (chance(30)) {
                String expect = HostileValues.pick(random, List.of("100-continue", "garbage", "100-continue, foo"));
                notes.add("Expect " + expect);
                headers.add(header("Expect", expect));
            }
            if (chance(20)) {
                notes.add("odd header lines");
                switch (random.nextInt(7)) {
                    case 0 -> headers.add(header("X-Fuzz", "v".repeat(9_000)));
                    case 1 -> {
                        for (int i = 0; i < 150; i++) {
                            headers.add(header("X-Fuzz-" + i, "v"));
                        }
                    }
                    case 2 -> headers.add(new String[] {"X-Fuzz: \u00e9\u00ff\u0080"});
                    case 3 -> headers.add(new String[] {"Bad Name: x"});
                    case 4 -> headers.add(new String[] {"NoColon"});
                    case 5 -> headers.add(new String[] {"X-Fold: a\r\n b"});
                    default -> headers.add(new String[] {"X-Nul: a\u0000b"});
                }
            }
            if (target.template().equals("/v1/policies") || chance(100)) {
                return;
            }
            if (chance(100)) {
                notes.add("two Host headers");
                headers.add(header("Host", "evil.example"));
            }
        }

        private String requestLine(String requestTarget) {
            String version = "HTTP/1.1";
            String line = method + " " + requestTarget + " ";
            if (chance(30)) {
                version = HostileValues.pick(random, List.of("HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "HTTP/1", "http/1.1",
                        "HTTP/1.1 extra", ""));
                notes.add("version " + version);
            } else if (chance(60)) {
                notes.add("absolute target");
                line = method + " http://127.0.0.1:" + fixture.port() + requestTarget + " ";
            } else if (chance(60)) {
                notes.add("lower-case method");
                line = method.toLowerCase(java.util.Locale.ROOT) + " " + requestTarget + " ";
            }
            return line + version;
        }

        /** Head and body with a Content-Length, chunks, or framing that does not add up. */
        private byte[] frame(String requestLine, byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String lineEnd = chance(50) ? "\n" : "\r\n";
            if (!lineEnd.equals("\r\n")) {
                notes.add("bare LF line ends");
            }
            write(out, requestLine + lineEnd);
            for (String[] header : headers) {
                write(out, (header.length == 1 ? header[0] : header[0] + ": " + header[1]) + lineEnd);
            }
            byte[] content = body == null ? new byte[0] : body;
            int roll = random.nextInt(100);
            if (body == null && roll < 90) {
                write(out, lineEnd);
            } else if (roll < 82) {
                write(out, "Content-Length: " + content.length + lineEnd + lineEnd);
                out.writeBytes(content);
            } else if (roll < 87) {
                notes.add("chunked");
                write(out, "Transfer-Encoding: chunked" + lineEnd + lineEnd);
                out.writeBytes(chunked(content));
            } else if (roll < 90) {
                notes.add("Content-Length short of the body");
                write(out, "Content-Length: " + content.length / 2 + lineEnd + lineEnd);
                out.writeBytes(content);
            } else if (roll < 93) {
                notes.add("body cut off before its Content-Length");
                write(out, "Content-Length: " + (content.length + 1 + random.nextInt(10_000_000)) + lineEnd + lineEnd);
                out.writeBytes(content);
                halfClose = true;
            } else if (roll < 95) {
                notes.add("chunks cut off");
                write(out, "Transfer-Encoding: chunked" + lineEnd + lineEnd);
                byte[] chunks = chunked(content);
                out.write(chunks, 0, random.nextInt(chunks.length));
                halfClose = true;
            } else {
                String framing = HostileValues.pick(random, List.of("Content-Length: -1", "Content-Length: abc",
                        "Content-Length: 1, 2", "Content-Length: 99999999999999999999", "Content-Length: +5",
                        "Content-Length: 5\r\nContent-Length: 6", "Transfer-Encoding: chunked\r\nContent-Length: 3",
                        "Transfer-Encoding: gzip", "Transfer-Encoding: chunked, gzip", "Transfer-Encoding: identity",
                        "Transfer-Encoding: chunked\r\n\r\nzz\r\n"));
                notes.add("framing " + framing.replace("\r\n", " / "));
                write(out, framing + lineEnd + lineEnd);
                out.writeBytes(content);
                halfClose = true;
            }
            return out.toByteArray();
        }

        private byte[] chunked(byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < content.length) {
                int size = Math.min(content.length - at, 1 + random.nextInt(64 * 1024));
                write(out, Integer.toHexString(size) + "\r\n");
                out.write(content, at, size);
                write(out, "\r\n");
                at += size;
            }
            write(out, "0\r\n\r\n");
            return out.toByteArray();
        }

        private boolean chance(int oneIn) {
            return random.nextInt(oneIn) == 0;
        }
    }

    private static String[] header(String name, String value) {
        return new String[] {name, value};
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }
}

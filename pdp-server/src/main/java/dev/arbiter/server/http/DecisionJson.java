package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Shadow;
import dev.arbiter.server.service.DecisionOutcome;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes decision answers straight to bytes, without a JSON tree. */
public final class DecisionJson {

    static final JsonFactory FACTORY = new JsonFactory();

    private DecisionJson() {}

    static Buffer single(DecisionOutcome answer) {
        return write(256, generator -> answer(generator, answer));
    }

    static Buffer batch(List<DecisionOutcome> answers) {
        return write(64 + 256 * answers.size(), generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("results");
            for (DecisionOutcome answer : answers) {
                answer(generator, answer);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        });
    }

    private static void answer(JsonGenerator generator, DecisionOutcome answer) throws IOException {
        Decision decision = answer.decision();
        generator.writeStartObject();
        generator.writeStringField("decisionId", answer.decisionId().toString());
        generator.writeBooleanField("allow", decision.allow());
        generator.writeStringField("policy", decision.policy());
        generator.writeStringField("rule", decision.rule());
        generator.writeNumberField("revision", decision.revision());
        generator.writeStringField("reason", decision.reason());
        Shadow shadow = decision.shadow();
        if (shadow != null) {
            generator.writeObjectFieldStart("shadow");
            generator.writeBooleanField("allow", shadow.allow());
            generator.writeStringField("policy", shadow.policy());
            generator.writeStringField("rule", shadow.rule());
            generator.writeEndObject();
        }
        if (answer.explanation() != null) {
            ExplainJson.write(generator, answer.explanation());
        }
        generator.writeEndObject();
    }

    /** Writes one JSON document. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    /** The document {@code writing} produces, as a buffer. */
    public static Buffer write(int sizeHint, Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(bytes.toByteArray());
    }
}

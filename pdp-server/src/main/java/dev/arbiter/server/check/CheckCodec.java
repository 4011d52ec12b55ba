package dev.arbiter.server.check;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.engine.CheckRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one JSON form of a check request: what {@code POST /v1/check} and {@code /v1/check/batch}
 * read, what the decision log stores as a decision's {@code input}, and what an impact preview
 * reads back to decide again. Reading is strict (unknown fields, duplicate keys and wrong types
 * are 400s) and yields CEL-ready values; writing fills in the defaults.
 */
public final class CheckCodec {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CheckCodec() {}

    /** The body of {@code POST /v1/check}. */
    public static CheckRequest read(byte[] body) {
        return JsonReading.parse(body, CheckReader::check);
    }

    /** The checks of {@code POST /v1/check/batch}, in order. */
    public static List<CheckRequest> readBatch(byte[] body) {
        return JsonReading.parse(body, CheckReader::batch);
    }

    /** The request as JSON text, {@code mask}ed, each string passed through {@code text}. */
    public static String write(CheckRequest request, CheckMask mask, UnaryOperator<String> text) {
        return json(256, generator -> new CheckWriter(mask, text).write(generator, request));
    }

    /** As {@link #write(CheckRequest, CheckMask, UnaryOperator)}, appended to {@code out} as UTF-8. */
    public static void write(CheckRequest request, CheckMask mask, UnaryOperator<String> text, OutputStream out) {
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            new CheckWriter(mask, text).write(generator, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request as JSON text, exactly. */
    public static String write(CheckRequest request) {
        return write(request, CheckMask.NONE, UnaryOperator.identity());
    }

    /** A map of CEL-ready values (attributes, say) as the text of a JSON object. */
    public static String writeObject(Map<String, Object> members) {
        return json(64, generator -> new CheckWriter(CheckMask.NONE, UnaryOperator.identity())
                .object(generator, members, null));
    }

    @FunctionalInterface
    private interface Writing {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    private static String json(int sizeHint, Writing writing) {
        StringWriter out = new StringWriter(sizeHint);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package dev.recourse.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.recourse.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes core {@link Json} values as the API answers them: UTF-8, members in the order they were put (so a problem
 * reads type, title, status, ...), integers without a fraction. Requests are read by core's strict
 * {@link Json#parseUtf8}; this is the other direction, at the edge only.
 */
public final class JsonText {
    /**
     * Buffers come from a pool all threads share: Jackson's default pool is per thread, and each request runs on a new
     * virtual thread, so it allocated two fresh 8 KB buffers for every answer.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
    /** Room for most answers without growing. */
    private static final int INITIAL_BYTES = 1024;

    private JsonText() {}

    /** {@code value} as compact UTF-8 JSON text. */
    public static byte[] utf8(Json value) {
        return write(value, false);
    }

    /** {@code value} as indented UTF-8 JSON text, for documents people read (the OpenAPI description). */
    public static byte[] pretty(Json value) {
        return write(value, true);
    }

    private static byte[] write(Json value, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BYTES);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator out, Json value) throws IOException {
        switch (value) {
            case Json.Obj obj -> {
                out.writeStartObject();
                for (Map.Entry<String, Json> member : obj.members().entrySet()) {
                    out.writeFieldName(member.getKey());
                    write(out, member.getValue());
                }
                out.writeEndObject();
            }
            case Json.Arr arr -> {
                out.writeStartArray();
                for (Json element : arr.elements()) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case Json.Str str -> out.writeString(str.value());
            case Json.Num num -> {
                double v = num.value();
                if (v == Math.rint(v) && Math.abs(v) <= Json.Num.MAX_EXACT) {
                    out.writeNumber((long) v);
                } else {
                    out.writeNumber(v);
                }
            }
            case Json.Bool bool -> out.writeBoolean(bool.value());
            case Json.Null ignored -> out.writeNull();
        }
    }
}

package be.socialeinnovatiefabriek.radicale.site.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Plain values (maps with text keys, lists, text, numbers, booleans, null) as JSON, through Jackson's streaming
 * generator: the same text as its ObjectMapper writes for them, without the data-binding layer, which took a
 * build a few hundred classes to load for two small files a site.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** {@code value} on one line, as ObjectMapper.writeValueAsString writes it. */
    public static String compact(Object value) {
        return write(value, false);
    }

    /** {@code value} indented, as ObjectMapper with INDENT_OUTPUT writes it. */
    public static String indented(Object value) {
        return write(value, true);
    }

    private static String write(Object value, boolean indent) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            if (indent) {
                json.useDefaultPrettyPrinter();
            }
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON into memory cannot fail", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName((String) entry.getKey());
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
        }
    }
}

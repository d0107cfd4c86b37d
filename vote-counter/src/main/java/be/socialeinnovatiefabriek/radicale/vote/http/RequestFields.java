package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a POST body, JSON object or form-encoded, as strings. Strict: a body over
 * {@link #MAX_BODY_BYTES}, another media type, bytes that are not UTF-8, malformed JSON or form encoding,
 * a repeated field or a field that is not a string are refused before anything else happens.
 */
final class RequestFields {

    static final int MAX_BODY_BYTES = 4096;
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private RequestFields() {
    }

    /** Whether the request is a form post, to be answered with a redirect to a page of the site. */
    static boolean isForm(ApiRequest request) {
        return FORM.equals(mediaType(request));
    }

    static Map<String, String> of(ApiRequest request) throws Refusal {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > MAX_BODY_BYTES) {
            throw Refusal.of(Refusal.Reason.TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES
                    + " bytes; a vote needs far less.");
        }
        String mediaType = mediaType(request);
        if (!FORM.equals(mediaType) && !JSON.equals(mediaType)) {
            throw Refusal.of(Refusal.Reason.UNSUPPORTED_MEDIA_TYPE, "Send the fields as " + JSON + " or " + FORM
                    + " (got " + (mediaType.isEmpty() ? "no Content-Type" : mediaType) + ").");
        }
        String text = utf8(body);
        return FORM.equals(mediaType) ? form(text) : json(text);
    }

    private static String mediaType(ApiRequest request) {
        String contentType = request.header("content-type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String utf8(byte[] body) throws Refusal {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.badRequest("The request body is not UTF-8 text.");
        }
    }

    /** Decodes {@code a=1&b=2} (a form body or a query string); refuses malformed escapes and repeated names. */
    static Map<String, String> form(String text) throws Refusal {
        Map<String, String> fields = new HashMap<>();
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (fields.put(name, value) != null) {
                throw Refusal.badRequest("The field '" + name + "' was sent twice; send each field once.");
            }
        }
        return fields;
    }

    private static String decode(String encoded) throws Refusal {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("The form data is not properly encoded (" + e.getMessage() + ").");
        }
    }

    private static Map<String, String> json(String text) throws Refusal {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON_FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw Refusal.badRequest("The request body must be a JSON object with the fields as strings.");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.VALUE_STRING) {
                    throw Refusal.badRequest("The field '" + name + "' must be a string.");
                }
                if (fields.put(name, parser.getText()) != null) {
                    throw Refusal.badRequest("The field '" + name + "' was sent twice; send each field once.");
                }
            }
            if (parser.nextToken() != null) {
                throw Refusal.badRequest("The request body must hold one JSON object and nothing after it.");
            }
        } catch (JsonProcessingException e) {
            throw Refusal.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return fields;
    }
}

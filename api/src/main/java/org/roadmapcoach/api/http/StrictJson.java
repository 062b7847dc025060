package org.roadmapcoach.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a request body as API.md asks, strictly and in bounded memory: one UTF-8 JSON object of plain
 * values (text, numbers, booleans, null), no trailing content, no duplicate keys, no NUL or lone surrogate
 * in any text, numbers of at most {@value #MAX_NUMBER_CHARS} characters. Fields the request does not take
 * are skipped as they are read, never held: only the first {@value #UNKNOWN_NAMED} of their names are kept,
 * and the count, so that a body of a million unknown fields costs one pass and a small reply.
 */
final class StrictJson {

    /** Characters of a JSON number, its sign, point and exponent included. */
    static final int MAX_NUMBER_CHARS = 30;
    /** Unknown field names an error names at most. */
    static final int UNKNOWN_NAMED = 20;
    /** Characters of a name or value an error shows at most. */
    static final int SHOWN_CHARS = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_CHARS)
                    .maxNestingDepth(16).build())
            .build();

    /** What was read: the known fields, and what is wrong with the others. */
    record Read(ObjectNode known, List<String> unknown, long unknownCount, List<String> notPlain) {
    }

    private StrictJson() {
    }

    /**
     * Reads {@code bytes} as one object, keeping the fields {@code wanted} accepts.
     *
     * @throws ProblemException a 400 naming the body when it is not one such object
     */
    static Read object(byte[] bytes, Predicate<String> wanted) {
        return parse(bytes, parser -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("expected a JSON object");
            }
            return fields(parser, wanted);
        });
    }

    /**
     * Reads {@code bytes} as one object whose only field, {@code list}, is an array of 1 to {@code max}
     * objects, each read as {@link #object} reads a body.
     *
     * @throws ProblemException a 400 naming the body when it is not one such object
     */
    static List<Read> objects(byte[] bytes, String list, int max, Predicate<String> wanted) {
        String expected = "expected a JSON object {\"" + list + "\": [...]} of 1 to " + max + " objects";
        return parse(bytes, parser -> {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !list.equals(parser.currentName()) || parser.nextToken() != JsonToken.START_ARRAY) {
                throw invalid(expected);
            }
            List<Read> reads = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT || reads.size() == max) {
                    throw invalid(expected);
                }
                reads.add(fields(parser, wanted));
            }
            if (reads.isEmpty() || parser.nextToken() != JsonToken.END_OBJECT) {
                throw invalid(expected);
            }
            return reads;
        });
    }

    private interface Reading<T> {
        T read(JsonParser parser) throws IOException;
    }

    private static <T> T parse(byte[] bytes, Reading<T> reading) {
        if (bytes.length == 0) {
            throw invalid("is empty; expected a JSON object");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0; // a UTF-8 byte-order mark
        for (int i = start; i < Math.min(bytes.length, start + 4); i++) {
            if (bytes[i] == 0) { // what UTF-16 and UTF-32 look like to Jackson, which would read them
                throw invalid("is not UTF-8");
            }
        }
        try (JsonParser parser = FACTORY.createParser(bytes, start, bytes.length - start)) {
            T read = reading.read(parser);
            if (parser.nextToken() != null) {
                throw invalid("has more after its object; send one JSON object");
            }
            return read;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw invalid("is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")") + ": " + shown(e.getOriginalMessage()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid("holds a number out of range");
        } catch (IOException e) {
            throw invalid("could not be read");
        }
    }

    /** The fields of the object whose start the parser has just read, up to and with its end. */
    private static Read fields(JsonParser parser, Predicate<String> wanted) throws IOException {
        ObjectNode known = JsonNodeFactory.instance.objectNode();
        List<String> unknown = new ArrayList<>();
        List<String> notPlain = new ArrayList<>();
        long unknownCount = 0;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = text(parser.currentName(), "a field name");
            JsonToken value = parser.nextToken();
            if (!wanted.test(name)) {
                if (unknownCount++ < UNKNOWN_NAMED) {
                    unknown.add(shown(name));
                }
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                notPlain.add(name);
                parser.skipChildren();
            } else {
                known.set(name, switch (value) {
                    case VALUE_STRING -> JsonNodeFactory.instance.textNode(text(parser.getText(), name));
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(
                            parser.getDecimalValue());
                    case VALUE_TRUE, VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(parser.getBooleanValue());
                    default -> JsonNodeFactory.instance.nullNode();
                });
            }
        }
        return new Read(known, unknown, unknownCount, notPlain);
    }

    /** {@code text} when it is text: no NUL (byte 0), no half of a surrogate pair. */
    private static String text(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw invalid("holds a NUL character (\\u0000) in " + shown(what) + "; it is not text");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid("holds half of a surrogate pair in " + shown(what) + "; it is not text");
            }
        }
        return text;
    }

    /** At most {@link #SHOWN_CHARS} characters of {@code text}, for an error. */
    static String shown(String text) {
        return text == null || text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }

    private static ProblemException invalid(String reason) {
        return ProblemException.invalid("body", null, reason);
    }
}

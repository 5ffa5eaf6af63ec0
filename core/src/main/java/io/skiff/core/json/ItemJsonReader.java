package io.skiff.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.Messages;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NullValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads DynamoDB JSON from a token stream, strictly, tracking the JSON path so that every error
 * says where it is. Reading tokens rather than a tree lets text and {@code JsonNode} input share
 * one implementation ({@code JsonNode.traverse()} yields the same tokens) and gives parse errors
 * the path they occurred at. One instance reads one document.
 */
final class ItemJsonReader {

    /**
     * How deeply values may nest before the reader gives up. Far above the storable limit of
     * {@link io.skiff.core.value.ItemLimits#MAX_NESTING_DEPTH}; it only keeps a hostile
     * {@code JsonNode} tree, which has no parser nesting limit, from exhausting the stack.
     */
    static final int MAX_READ_DEPTH = 256;

    // Jackson's messages sometimes embed a "[Source: ...]" location; ours gives line and column.
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\([^()\\[]*\\[Source:[^\\]]*\\]\\)");
    private static final int MAX_REASON_CHARS = 200;

    private static final String NUMBER_AS_TEXT = "a number as a string such as \"42\"";
    private static final String BASE64 = "a Base64 string";

    private final JsonParser parser;
    private final JsonPath path = new JsonPath();
    private int depth;

    private ItemJsonReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads one item document from the parser, which must be positioned before its first token. */
    static Item readItem(JsonParser parser) {
        ItemJsonReader reader = new ItemJsonReader(parser);
        return reader.document(reader::item, "an item object");
    }

    /** Reads one value document from the parser, which must be positioned before its first token. */
    static AttributeValue readValue(JsonParser parser) {
        ItemJsonReader reader = new ItemJsonReader(parser);
        return reader.document(reader::value, "a value object");
    }

    @FunctionalInterface
    private interface TokenReader<T> {
        T read(JsonToken first) throws IOException;
    }

    private <T> T document(TokenReader<T> body, String expected) {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw invalid("the document is empty; expected " + expected);
            }
            T result = body.read(first);
            if (parser.nextToken() != null) {
                throw invalid("unexpected content after the end of the document");
            }
            return result;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Item item(JsonToken token) throws IOException {
        expect(token, JsonToken.START_OBJECT, "an item object");
        return Item.of(entries());
    }

    /** Reads name-value pairs up to the end of the object whose start was just read. */
    private Map<String, AttributeValue> entries() throws IOException {
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            path.pushName(name);
            entries.put(name, value(parser.nextToken()));
            path.pop();
        }
        return entries;
    }

    private AttributeValue value(JsonToken token) throws IOException {
        expect(token, JsonToken.START_OBJECT, "a value object such as {\"S\": \"text\"}");
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw invalid("a value object needs exactly one type tag, found none");
        }
        String tag = parser.currentName();
        AttributeType type = typeOf(tag);
        path.pushName(tag);
        AttributeValue value = typed(type, parser.nextToken());
        path.pop();
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw invalid("a value object needs exactly one type tag, found " + Messages.quote(tag)
                    + " and " + Messages.quote(parser.currentName()));
        }
        return value;
    }

    private AttributeType typeOf(String tag) {
        for (AttributeType type : AttributeType.values()) {
            if (type.name().equals(tag)) {
                return type;
            }
        }
        throw invalid("unknown type tag " + Messages.quote(tag)
                + "; expected one of S, N, B, BOOL, NULL, SS, NS, BS, L, M");
    }

    private AttributeValue typed(AttributeType type, JsonToken token) throws IOException {
        switch (type) {
            case S:
                return new StringValue(string(token, "a string"));
            case N:
                return number(string(token, NUMBER_AS_TEXT));
            case B:
                return new BinaryValue(base64(string(token, BASE64)));
            case BOOL:
                return BoolValue.of(bool(token, "true or false"));
            case NULL:
                if (!bool(token, "true")) {
                    throw invalid("NULL must be true, found false");
                }
                return NullValue.INSTANCE;
            case SS:
                return StringSetValue.of(set(token, type, "a string", text -> text));
            case NS:
                return NumberSetValue.of(set(token, type, NUMBER_AS_TEXT, this::number));
            case BS:
                return BinarySetValue.of(set(token, type, BASE64, this::base64));
            case L:
                return nested(token, this::list);
            case M:
                return nested(token, this::map);
            default:
                throw new AssertionError("unknown attribute type " + type);
        }
    }

    private ListValue list(JsonToken token) throws IOException {
        expect(token, JsonToken.START_ARRAY, "an array of value objects");
        List<AttributeValue> values = new ArrayList<>();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            path.pushIndex(values.size());
            values.add(value(element));
            path.pop();
        }
        return ListValue.of(values);
    }

    private MapValue map(JsonToken token) throws IOException {
        expect(token, JsonToken.START_OBJECT, "an object of attribute names to values");
        return MapValue.of(entries());
    }

    private <T> T nested(JsonToken token, TokenReader<T> container) throws IOException {
        if (++depth > MAX_READ_DEPTH) {
            throw invalid("values are nested more than " + MAX_READ_DEPTH + " levels deep");
        }
        T result = container.read(token);
        depth--;
        return result;
    }

    /**
     * Reads a set: a non-empty array of strings, each converted to an element. Duplicates are
     * found by element equality (so {@code "1"} and {@code "1.0"} clash in NS) and reported with
     * the text as sent.
     */
    private <T> Set<T> set(JsonToken token, AttributeType type, String elementExpected,
                           Function<String, T> convert) throws IOException {
        expect(token, JsonToken.START_ARRAY, "a non-empty array of strings");
        Set<T> elements = new LinkedHashSet<>();
        int index = 0;
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            path.pushIndex(index++);
            String text = string(element, elementExpected);
            if (!elements.add(convert.apply(text))) {
                throw invalid("duplicate element " + Messages.quote(text) + " in " + type + " set");
            }
            path.pop();
        }
        if (elements.isEmpty()) {
            throw invalid("empty " + type + " set; a set needs at least one element");
        }
        return elements;
    }

    private String string(JsonToken token, String expected) throws IOException {
        expect(token, JsonToken.VALUE_STRING, expected);
        return parser.getText();
    }

    private boolean bool(JsonToken token, String expected) {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw invalid("expected " + expected + ", found " + describe(token));
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private NumberValue number(String text) {
        try {
            return NumberValue.parse(text);
        } catch (SkiffException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * Decodes standard Base64 strictly: padding required, no line breaks, no stray bits. Java's
     * decoder is lenient about padding and unused bits, so the text must also be exactly what
     * encoding the decoded bytes gives back; that way every byte string has one wire form.
     */
    private Bytes base64(String text) {
        try {
            Bytes bytes = Bytes.fromBase64(text);
            if (bytes.toBase64().equals(text)) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below, like a non-canonical encoding
        }
        throw invalid(Messages.quote(text) + " is not valid Base64 (standard alphabet, with padding)");
    }

    private void expect(JsonToken token, JsonToken expected, String description) {
        if (token != expected) {
            throw invalid("expected " + description + ", found " + describe(token));
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case NOT_AVAILABLE: // what a MissingNode yields
                return "nothing";
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a JSON number";
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            case VALUE_EMBEDDED_OBJECT: // a tree's BinaryNode or POJONode
                return "embedded binary or object data";
            default:
                return "an unexpected " + token;
        }
    }

    private SkiffException invalid(String reason) {
        return SkiffException.validation("Invalid JSON at " + path + ": " + reason);
    }

    /** A syntax error from Jackson, with its reason and position but none of its internals. */
    private SkiffException malformed(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String reason = SOURCE_REFERENCE.matcher(original).replaceAll("").lines().findFirst()
                .filter(line -> !line.isBlank()).orElse("malformed JSON");
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, MAX_REASON_CHARS - 3) + "...";
        }
        reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        String message = "Invalid JSON at " + JsonPath.of(parser.getParsingContext()) + ": " + reason;
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return SkiffException.validation(message);
        }
        return SkiffException.at(ErrorCode.VALIDATION_ERROR, location.getLineNr(), location.getColumnNr(), message);
    }
}

package io.skiff.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Items and values in the DynamoDB JSON wire shape, both ways.
 *
 * <p>An item is an object of attribute names to value objects, and each value object has exactly
 * one type tag: {@code {"pk":{"S":"USER#1"},"n":{"N":"42"}}}. Numbers travel as JSON strings,
 * binaries as standard padded Base64, sets as non-empty arrays of distinct strings.
 *
 * <p>Reading is strict. Every problem, including malformed JSON, is a {@link SkiffException} with
 * {@link ErrorCode#VALIDATION_ERROR} whose message starts with {@code Invalid JSON at} and the
 * JSON path of the problem, such as
 * {@code Invalid JSON at $.address.M.tags.SS[1]: duplicate element 'x' in SS set}. Syntax errors
 * also carry the line and column ({@link SkiffException#line()}, {@link SkiffException#column()}).
 * No Jackson exception escapes.
 *
 * <p>Writing is deterministic: numbers as {@link io.skiff.core.value.NumberValue#toText()}, sets
 * in their iteration order, attributes in item order; {@code readItem(writeItem(item))} equals
 * {@code item}. All methods are thread-safe.
 */
public final class ItemJson {

    // Duplicate names are rejected by the parser itself, which knows where in the text they are.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private ItemJson() {
    }

    /**
     * Reads an item from JSON text.
     *
     * @throws SkiffException {@link ErrorCode#VALIDATION_ERROR} when the text is not exactly one
     *     well-formed item object
     */
    public static Item readItem(String json) {
        return readText(json, ItemJsonReader::readItem);
    }

    /**
     * Reads an item from a JSON tree, such as a field of a larger request document. Error paths
     * start at this node ({@code $}).
     *
     * @throws SkiffException {@link ErrorCode#VALIDATION_ERROR} when the node is not a well-formed
     *     item object
     */
    public static Item readItem(JsonNode node) {
        return ItemJsonReader.readItem(traverse(node));
    }

    /**
     * Reads one value object, such as {@code {"SS":["a","b"]}}, from JSON text.
     *
     * @throws SkiffException {@link ErrorCode#VALIDATION_ERROR} when the text is not exactly one
     *     well-formed value object
     */
    public static AttributeValue readValue(String json) {
        return readText(json, ItemJsonReader::readValue);
    }

    /**
     * Reads one value object from a JSON tree. Error paths start at this node ({@code $}).
     *
     * @throws SkiffException {@link ErrorCode#VALIDATION_ERROR} when the node is not a well-formed
     *     value object
     */
    public static AttributeValue readValue(JsonNode node) {
        return ItemJsonReader.readValue(traverse(node));
    }

    /** The item as compact JSON text. */
    public static String writeItem(Item item) {
        Objects.requireNonNull(item, "item");
        return writeText(out -> ItemJsonWriter.writeItem(out, item));
    }

    /** One value as a compact JSON value object, such as {@code {"N":"42"}}. */
    public static String writeValue(AttributeValue value) {
        Objects.requireNonNull(value, "value");
        return writeText(out -> ItemJsonWriter.writeValue(out, value));
    }

    /**
     * Writes the item as one JSON object to a generator, so a server can stream items into a
     * larger response without building strings. The generator is neither flushed nor closed.
     *
     * @throws IOException when the generator's output fails
     */
    public static void writeItem(JsonGenerator generator, Item item) throws IOException {
        Objects.requireNonNull(generator, "generator");
        ItemJsonWriter.writeItem(generator, Objects.requireNonNull(item, "item"));
    }

    /** The item as a JSON tree, for embedding in a larger document. */
    public static JsonNode toJsonNode(Item item) {
        Objects.requireNonNull(item, "item");
        // Writing tokens into a buffer and reading them back as a tree reuses the one writer.
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            ItemJsonWriter.writeItem(buffer, item);
            try (JsonParser tokens = buffer.asParser()) {
                return MAPPER.readTree(tokens);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot happen: token buffers do no I/O", e);
        }
    }

    private static <T> T readText(String json, Function<JsonParser, T> reader) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = FACTORY.createParser(json)) {
            return reader.apply(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot happen: parsing a string does no I/O", e);
        }
    }

    private static JsonParser traverse(JsonNode node) {
        return Objects.requireNonNull(node, "node").traverse();
    }

    @FunctionalInterface
    private interface GeneratorWrite {
        void writeTo(JsonGenerator out) throws IOException;
    }

    private static String writeText(GeneratorWrite write) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot happen: writing to a string does no I/O", e);
        }
        return text.toString();
    }
}

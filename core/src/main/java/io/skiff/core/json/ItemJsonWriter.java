package io.skiff.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes items and values as DynamoDB JSON tokens. Numbers go out as their canonical text, sets
 * in their iteration order and attributes in item order, so equal values written twice give the
 * same JSON.
 */
final class ItemJsonWriter {

    private ItemJsonWriter() {
    }

    static void writeItem(JsonGenerator out, Item item) throws IOException {
        writeEntries(out, item.attributes());
    }

    static void writeValue(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        out.writeFieldName(value.type().name());
        switch (value.type()) {
            case S:
                out.writeString(((StringValue) value).value());
                break;
            case N:
                out.writeString(((NumberValue) value).toText());
                break;
            case B:
                out.writeString(((BinaryValue) value).value().toBase64());
                break;
            case BOOL:
                out.writeBoolean(((BoolValue) value).value());
                break;
            case NULL:
                out.writeBoolean(true);
                break;
            case SS:
                writeStrings(out, ((StringSetValue) value).values(), Function.identity());
                break;
            case NS:
                writeStrings(out, ((NumberSetValue) value).values(), NumberValue::toText);
                break;
            case BS:
                writeStrings(out, ((BinarySetValue) value).values(), Bytes::toBase64);
                break;
            case L:
                out.writeStartArray();
                for (AttributeValue element : ((ListValue) value).values()) {
                    writeValue(out, element);
                }
                out.writeEndArray();
                break;
            case M:
                writeEntries(out, ((MapValue) value).values());
                break;
            default:
                throw new AssertionError("unknown attribute type " + value.type());
        }
        out.writeEndObject();
    }

    private static void writeEntries(JsonGenerator out, Map<String, AttributeValue> entries) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> entry : entries.entrySet()) {
            out.writeFieldName(entry.getKey());
            writeValue(out, entry.getValue());
        }
        out.writeEndObject();
    }

    private static <T> void writeStrings(JsonGenerator out, Collection<T> elements,
                                         Function<? super T, String> text) throws IOException {
        out.writeStartArray();
        for (T element : elements) {
            out.writeString(text.apply(element));
        }
        out.writeEndArray();
    }
}

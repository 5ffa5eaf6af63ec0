package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored item format is a promise to every existing database: these bytes must not change. */
class ItemCodecFormatTest {

    @Test
    void anItemEncodesToTheDocumentedBytes() {
        Item sample = Item.builder().s("pk", "a").n("n", 12).put("ok", BoolValue.of(true))
                .put("gone", NullValue.INSTANCE).build();

        String hex = HexFormat.of().formatHex(ItemCodec.encode(sample));

        // version 1, 4 attributes; each: name length + name, type tag, value length + value.
        assertThat(hex).isEqualTo("0104" + "02706b" + "00" + "0161" + "016e" + "01" + "023132"
                + "026f6b" + "03" + "0101" + "04676f6e65" + "04" + "00");
        assertThat(ItemCodec.decode(ItemCodec.encode(sample))).isEqualTo(sample);
    }

    @Test
    void everyTypeKeepsItsTag() {
        Map<Integer, AttributeValue> byTag = new LinkedHashMap<>();
        byTag.put(0, new StringValue("s"));
        byTag.put(1, NumberValue.parse("1"));
        byTag.put(2, new BinaryValue(Bytes.of(new byte[] {1})));
        byTag.put(3, BoolValue.of(false));
        byTag.put(4, NullValue.INSTANCE);
        byTag.put(5, StringSetValue.of(List.of("a")));
        byTag.put(6, NumberSetValue.of(List.of(NumberValue.parse("1"))));
        byTag.put(7, BinarySetValue.of(List.of(Bytes.of(new byte[] {2}))));
        byTag.put(8, new ListValue(List.of(new StringValue("x"))));
        byTag.put(9, new MapValue(Map.of("k", new StringValue("v"))));

        byTag.forEach((tag, value) -> {
            byte[] bytes = ItemCodec.encode(Item.builder().put("x", value).build());
            // version, count, name length, 'x', then the tag.
            assertThat(bytes[4]).as("tag of %s", value.type()).isEqualTo((byte) (int) tag);
            assertThat(ItemCodec.decode(bytes).attributes().get("x")).isEqualTo(value);
        });
    }
}

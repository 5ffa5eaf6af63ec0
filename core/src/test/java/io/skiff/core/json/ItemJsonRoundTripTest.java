package io.skiff.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the model can hold survives the wire, and the wire form is stable. */
class ItemJsonRoundTripTest {

    private static final int DEPTH = 3;

    @Property(tries = 300)
    void itemsRoundTripThroughText(@ForAll("items") Item item) {
        assertThat(ItemJson.readItem(ItemJson.writeItem(item))).isEqualTo(item);
    }

    @Property(tries = 300)
    void itemsRoundTripThroughTrees(@ForAll("items") Item item) {
        assertThat(ItemJson.readItem(ItemJson.toJsonNode(item))).isEqualTo(item);
    }

    @Property(tries = 300)
    void valuesRoundTripThroughText(@ForAll("values") AttributeValue value) {
        assertThat(ItemJson.readValue(ItemJson.writeValue(value))).isEqualTo(value);
    }

    @Property(tries = 300)
    void writtenTextIsStable(@ForAll("items") Item item) {
        String written = ItemJson.writeItem(item);

        assertThat(ItemJson.writeItem(ItemJson.readItem(written))).isEqualTo(written);
    }

    @Property(tries = 200)
    void writtenTextIsPlainJsonWithTheSameTree(@ForAll("items") Item item) throws Exception {
        assertThat(new ObjectMapper().readTree(ItemJson.writeItem(item))).isEqualTo(ItemJson.toJsonNode(item));
    }

    @Provide
    Arbitrary<Item> items() {
        return AttributeValues.items(DEPTH);
    }

    @Provide
    Arbitrary<AttributeValue> values() {
        return AttributeValues.values(DEPTH);
    }
}

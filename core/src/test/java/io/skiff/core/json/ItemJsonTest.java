package io.skiff.core.json;

import static io.skiff.core.value.AttributeValue.b;
import static io.skiff.core.value.AttributeValue.bool;
import static io.skiff.core.value.AttributeValue.bs;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.ns;
import static io.skiff.core.value.AttributeValue.nul;
import static io.skiff.core.value.AttributeValue.s;
import static io.skiff.core.value.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import io.skiff.core.value.MapValue;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire shape of every type, both ways; rejections are in {@link ItemJsonRejectionTest}. */
class ItemJsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"S\":\"USER#1\"}",
        "{\"S\":\"\"}",
        "{\"S\":\"quote \\\" backslash \\\\ newline \\n é \uD83D\uDE00\"}",
        "{\"N\":\"42\"}",
        "{\"N\":\"-1.5\"}",
        "{\"N\":\"1E+100\"}",
        "{\"B\":\"AQID\"}",
        "{\"B\":\"\"}",
        "{\"BOOL\":true}",
        "{\"BOOL\":false}",
        "{\"NULL\":true}",
        "{\"SS\":[\"b\",\"a\"]}",
        "{\"NS\":[\"3\",\"1.25\",\"-7\"]}",
        "{\"BS\":[\"AQ==\",\"AgM=\"]}",
        "{\"L\":[]}",
        "{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"},{\"L\":[{\"NULL\":true}]}]}",
        "{\"M\":{}}",
        "{\"M\":{\"z\":{\"S\":\"last\"},\"a\":{\"M\":{\"x\":{\"BOOL\":true}}}}}",
    })
    void canonicalJsonRoundTripsUnchanged(String json) {
        assertThat(ItemJson.writeValue(ItemJson.readValue(json))).isEqualTo(json);
    }

    @Test
    void readsEveryType() {
        Map<String, AttributeValue> expected = new LinkedHashMap<>();
        expected.put("s", s("text"));
        expected.put("n", n("42"));
        expected.put("b", b("hi".getBytes(StandardCharsets.UTF_8)));
        expected.put("bool", bool(true));
        expected.put("null", nul());
        expected.put("ss", ss("x", "y"));
        expected.put("ns", ns("1", "2.5"));
        expected.put("bs", bs(List.of(Bytes.of(new byte[] {1}))));
        expected.put("l", l(s("a"), n(1)));
        expected.put("m", m(Map.of("k", s("v"))));

        Item item = ItemJson.readItem("""
                {"s": {"S": "text"}, "n": {"N": "42"}, "b": {"B": "aGk="},
                 "bool": {"BOOL": true}, "null": {"NULL": true},
                 "ss": {"SS": ["x", "y"]}, "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["AQ=="]},
                 "l": {"L": [{"S": "a"}, {"N": "1"}]}, "m": {"M": {"k": {"S": "v"}}}}
                """);

        assertThat(item).isEqualTo(Item.of(expected));
        assertThat(item.names()).containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void writesAttributesInItemOrder() {
        Item item = Item.builder().s("pk", "USER#1").n("n", 42).s("a", "x").build();

        assertThat(ItemJson.writeItem(item)).isEqualTo("{\"pk\":{\"S\":\"USER#1\"},\"n\":{\"N\":\"42\"},\"a\":{\"S\":\"x\"}}");
    }

    @Test
    void writesNumbersInCanonicalText() {
        assertThat(ItemJson.writeValue(n("1.500"))).isEqualTo("{\"N\":\"1.5\"}");
        assertThat(ItemJson.writeValue(n("1e3"))).isEqualTo("{\"N\":\"1000\"}");
        assertThat(ItemJson.writeValue(n("-0.0"))).isEqualTo("{\"N\":\"0\"}");
        assertThat(ItemJson.writeValue(ns("10", "2.50"))).isEqualTo("{\"NS\":[\"10\",\"2.5\"]}");
    }

    @Test
    void writesSetsInIterationOrder() {
        assertThat(ItemJson.writeValue(ss("z", "a", "m"))).isEqualTo("{\"SS\":[\"z\",\"a\",\"m\"]}");
    }

    @Test
    void readsEquivalentNumberTextsAsEqualValues() {
        assertThat(ItemJson.readValue("{\"N\":\"1.0\"}")).isEqualTo(n("1"));
        assertThat(ItemJson.readValue("{\"N\":\".5\"}")).isEqualTo(n("0.5"));
        assertThat(ItemJson.readValue("{\"N\":\"+6.02E23\"}")).isEqualTo(n("602000000000000000000000"));
    }

    @Test
    void readsAnEmptyItem() {
        assertThat(ItemJson.readItem("{}")).isEqualTo(Item.empty());
        assertThat(ItemJson.writeItem(Item.empty())).isEqualTo("{}");
    }

    @Test
    void acceptsWhitespaceAroundTheDocument() {
        assertThat(ItemJson.readItem("\n  {\"a\": {\"NULL\": true}}  \n")).isEqualTo(Item.of(Map.of("a", nul())));
    }

    @Test
    void readsFromAJsonTree() throws Exception {
        JsonNode node = new ObjectMapper().readTree("{\"pk\":{\"S\":\"USER#1\"},\"tags\":{\"SS\":[\"a\"]}}");

        assertThat(ItemJson.readItem(node)).isEqualTo(Item.builder().s("pk", "USER#1").put("tags", ss("a")).build());
        assertThat(ItemJson.readValue(node.get("tags"))).isEqualTo(ss("a"));
    }

    @Test
    void convertsToAJsonTree() {
        Item item = Item.builder().s("pk", "USER#1").n("n", 42).put("l", l(bool(false), nul())).build();

        JsonNode node = ItemJson.toJsonNode(item);

        assertThat(node.toString()).isEqualTo(ItemJson.writeItem(item));
        assertThat(node.get("n").get("N").isTextual()).isTrue();
        assertThat(ItemJson.readItem(node)).isEqualTo(item);
    }

    @Test
    void streamsIntoALargerDocument() throws Exception {
        Item first = Item.builder().s("pk", "1").build();
        Item second = Item.builder().s("pk", "2").put("m", MapValue.EMPTY).build();
        StringWriter out = new StringWriter();

        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeFieldName("Items");
            generator.writeStartArray();
            ItemJson.writeItem(generator, first);
            ItemJson.writeItem(generator, second);
            generator.writeEndArray();
            generator.writeEndObject();
        }

        assertThat(out.toString()).isEqualTo("{\"Items\":[{\"pk\":{\"S\":\"1\"}},{\"pk\":{\"S\":\"2\"},\"m\":{\"M\":{}}}]}");
    }
}

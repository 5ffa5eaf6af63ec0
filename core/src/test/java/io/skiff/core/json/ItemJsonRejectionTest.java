package io.skiff.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way ItemJson rejects input, and the message (with JSON path) each one gives. */
class ItemJsonRejectionTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # unknown, missing and extra type tags
        {"a":{"X":"1"}}               | Invalid JSON at $.a: unknown type tag 'X'; expected one of S, N, B, BOOL, NULL, SS, NS, BS, L, M
        {"a":{"s":"1"}}               | Invalid JSON at $.a: unknown type tag 's'; expected one of S, N, B, BOOL, NULL, SS, NS, BS, L, M
        {"a":{}}                      | Invalid JSON at $.a: a value object needs exactly one type tag, found none
        {"a":{"S":"x","N":"1"}}       | Invalid JSON at $.a: a value object needs exactly one type tag, found 'S' and 'N'
        # wrong JSON types under each tag
        {"a":{"S":1}}                 | Invalid JSON at $.a.S: expected a string, found a JSON number
        {"a":{"S":null}}              | Invalid JSON at $.a.S: expected a string, found null
        {"a":{"N":42}}                | Invalid JSON at $.a.N: expected a number as a string such as "42", found a JSON number
        {"a":{"N":4.2}}               | Invalid JSON at $.a.N: expected a number as a string such as "42", found a JSON number
        {"a":{"B":[]}}                | Invalid JSON at $.a.B: expected a Base64 string, found an array
        {"a":{"BOOL":"true"}}         | Invalid JSON at $.a.BOOL: expected true or false, found a string
        {"a":{"BOOL":1}}              | Invalid JSON at $.a.BOOL: expected true or false, found a JSON number
        {"a":{"NULL":false}}          | Invalid JSON at $.a.NULL: NULL must be true, found false
        {"a":{"NULL":null}}           | Invalid JSON at $.a.NULL: expected true, found null
        {"a":{"SS":"x"}}              | Invalid JSON at $.a.SS: expected a non-empty array of strings, found a string
        {"a":{"SS":[1]}}              | Invalid JSON at $.a.SS[0]: expected a string, found a JSON number
        {"a":{"NS":["1",2]}}          | Invalid JSON at $.a.NS[1]: expected a number as a string such as "42", found a JSON number
        {"a":{"BS":[{}]}}             | Invalid JSON at $.a.BS[0]: expected a Base64 string, found an object
        {"a":{"L":{}}}                | Invalid JSON at $.a.L: expected an array of value objects, found an object
        {"a":{"L":["x"]}}             | Invalid JSON at $.a.L[0]: expected a value object such as {"S": "text"}, found a string
        {"a":{"M":[]}}                | Invalid JSON at $.a.M: expected an object of attribute names to values, found an array
        {"a":{"M":{"b":true}}}        | Invalid JSON at $.a.M.b: expected a value object such as {"S": "text"}, found true
        # a non-object where a value is expected
        {"a":"x"}                     | Invalid JSON at $.a: expected a value object such as {"S": "text"}, found a string
        {"a":null}                    | Invalid JSON at $.a: expected a value object such as {"S": "text"}, found null
        {"a":[]}                      | Invalid JSON at $.a: expected a value object such as {"S": "text"}, found an array
        # malformed numbers
        {"a":{"N":"abc"}}             | Invalid JSON at $.a.N: 'abc' is not a valid number
        {"a":{"N":""}}                | Invalid JSON at $.a.N: '' is not a valid number
        {"a":{"N":" 1"}}              | Invalid JSON at $.a.N: ' 1' is not a valid number
        {"a":{"N":"NaN"}}             | Invalid JSON at $.a.N: 'NaN' is not a valid number
        {"a":{"N":"0x10"}}            | Invalid JSON at $.a.N: '0x10' is not a valid number
        {"a":{"NS":["1","x"]}}        | Invalid JSON at $.a.NS[1]: 'x' is not a valid number
        # malformed Base64
        {"a":{"B":"a"}}               | Invalid JSON at $.a.B: 'a' is not valid Base64 (standard alphabet, with padding)
        {"a":{"B":"YQ"}}              | Invalid JSON at $.a.B: 'YQ' is not valid Base64 (standard alphabet, with padding)
        {"a":{"B":"YR=="}}            | Invalid JSON at $.a.B: 'YR==' is not valid Base64 (standard alphabet, with padding)
        {"a":{"B":"a$b="}}            | Invalid JSON at $.a.B: 'a$b=' is not valid Base64 (standard alphabet, with padding)
        {"a":{"B":"_-8="}}            | Invalid JSON at $.a.B: '_-8=' is not valid Base64 (standard alphabet, with padding)
        {"a":{"B":"YW Jj"}}           | Invalid JSON at $.a.B: 'YW Jj' is not valid Base64 (standard alphabet, with padding)
        {"a":{"BS":["AQ==","!"]}}     | Invalid JSON at $.a.BS[1]: '!' is not valid Base64 (standard alphabet, with padding)
        # empty sets
        {"a":{"SS":[]}}               | Invalid JSON at $.a.SS: empty SS set; a set needs at least one element
        {"a":{"NS":[]}}               | Invalid JSON at $.a.NS: empty NS set; a set needs at least one element
        {"a":{"BS":[]}}               | Invalid JSON at $.a.BS: empty BS set; a set needs at least one element
        # duplicate set elements
        {"a":{"SS":["x","y","x"]}}    | Invalid JSON at $.a.SS[2]: duplicate element 'x' in SS set
        {"a":{"NS":["1","1.0"]}}      | Invalid JSON at $.a.NS[1]: duplicate element '1.0' in NS set
        {"a":{"NS":["100","1E2"]}}    | Invalid JSON at $.a.NS[1]: duplicate element '1E2' in NS set
        {"a":{"BS":["AQ==","AQ=="]}}  | Invalid JSON at $.a.BS[1]: duplicate element 'AQ==' in BS set
        # a non-object where the item is expected
        []                            | Invalid JSON at $: expected an item object, found an array
        "x"                           | Invalid JSON at $: expected an item object, found a string
        42                            | Invalid JSON at $: expected an item object, found a JSON number
        null                          | Invalid JSON at $: expected an item object, found null
        ''                            | Invalid JSON at $: the document is empty; expected an item object
        # paths through nesting, and names that need brackets
        {"address":{"M":{"tags":{"SS":["x","x"]}}}}     | Invalid JSON at $.address.M.tags.SS[1]: duplicate element 'x' in SS set
        {"l":{"L":[{"S":"a"},{"M":{"k":{"N":"x"}}}]}}   | Invalid JSON at $.l.L[1].M.k.N: 'x' is not a valid number
        {"user name":{"S":1}}                           | Invalid JSON at $['user name'].S: expected a string, found a JSON number
        {"it's":{"S":1}}                                | Invalid JSON at $['it\\'s'].S: expected a string, found a JSON number
        {"":{"S":1}}                                    | Invalid JSON at $[''].S: expected a string, found a JSON number
        """)
    void rejectsWithThePath(String json, String message) {
        assertThat(rejection(() -> ItemJson.readItem(json))).hasMessage(message);
    }

    @Test
    void rejectsAnOverflowingNumberWithTheModelsReason() {
        assertThat(rejection(() -> ItemJson.readValue("{\"N\":\"1E+126\"}")).getMessage())
                .startsWith("Invalid JSON at $.N: Number overflow");
        assertThat(rejection(() -> ItemJson.readValue("{\"N\":\"1E-131\"}")).getMessage())
                .startsWith("Invalid JSON at $.N: Number underflow");
        assertThat(rejection(() -> ItemJson.readValue("{\"N\":\"" + "1".repeat(39) + "\"}")).getMessage())
                .startsWith("Invalid JSON at $.N: Number ").contains("39 significant digits");
    }

    @Test
    void valuePathsStartAtTheValueObject() {
        assertThat(rejection(() -> ItemJson.readValue("{\"M\":{\"a\":{\"SS\":[]}}}")))
                .hasMessage("Invalid JSON at $.M.a.SS: empty SS set; a set needs at least one element");
        assertThat(rejection(() -> ItemJson.readValue("[]")))
                .hasMessage("Invalid JSON at $: expected a value object such as {\"S\": \"text\"}, found an array");
        assertThat(rejection(() -> ItemJson.readValue("   ")))
                .hasMessage("Invalid JSON at $: the document is empty; expected a value object");
    }

    @Test
    void rejectsADuplicateAttributeNameWithItsPosition() {
        SkiffException e = rejection(() -> ItemJson.readItem("{\"a\":{\"S\":\"1\"},\"a\":{\"S\":\"2\"}}"));

        assertThat(e).hasMessage("Invalid JSON at $.a: duplicate field 'a' at line 1, column 19");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(19);
    }

    @Test
    void rejectsADuplicateNameInANestedMap() {
        SkiffException e = rejection(() -> ItemJson.readItem("{\"m\":{\"M\":{\n\"k\":{\"NULL\":true},\n\"k\":{\"NULL\":true}}}}"));

        assertThat(e).hasMessage("Invalid JSON at $.m.M.k: duplicate field 'k' at line 3, column 4");
    }

    @Test
    void rejectsADuplicateTypeTag() {
        assertThat(rejection(() -> ItemJson.readValue("{\"S\":\"a\",\"S\":\"b\"}")))
                .hasMessage("Invalid JSON at $.S: duplicate field 'S' at line 1, column 13");
    }

    @Test
    void rejectsTrailingContent() {
        assertThat(rejection(() -> ItemJson.readItem("{} {}")))
                .hasMessage("Invalid JSON at $: unexpected content after the end of the document");
        assertThat(rejection(() -> ItemJson.readValue("{\"NULL\":true} 1")))
                .hasMessage("Invalid JSON at $: unexpected content after the end of the document");
    }

    @Test
    void rejectsATrailingCloseBracketWithoutJacksonInternals() {
        SkiffException e = rejection(() -> ItemJson.readItem("{\"a\":{\"S\":\"x\"}}}"));

        assertThat(e).hasMessage("Invalid JSON at $: unexpected close marker '}': expected ']' at line 1, column 16");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        {"a":                    | Invalid JSON at $.a: unexpected end-of-input | 1 | 6
        {"a":{"S":"x"             | Invalid JSON at $.a.S: unexpected end-of-input | 1 | 14
        {"a" {"S":"x"}}          | Invalid JSON at $.a: unexpected character ('{' (code 123)): was expecting a colon | 1 | 6
        {a:{"S":"x"}}            | Invalid JSON at $: unexpected character ('a' (code 97)): was expecting double-quote | 1 | 2
        {"a":{"BOOL":tru}}       | Invalid JSON at $.a.BOOL: unrecognized token 'tru' | 1 | 17
        {"a":{"S":"x"},}         | Invalid JSON at $.a: unexpected character ('}' (code 125)): was expecting double-quote | 1 | 16
        {"a":{"L":[{"S":"x"},]}} | Invalid JSON at $.a.L[1]: unexpected character (']' (code 93)) | 1 | 22
        """)
    void reportsSyntaxErrorsWithPathAndPosition(String json, String messageStart, int line, int column) {
        SkiffException e = rejection(() -> ItemJson.readItem(json));

        assertThat(e.getMessage()).startsWith(messageStart)
                .endsWith(" at line " + line + ", column " + column)
                .doesNotContain("Source", "REDACTED", "\n", "Exception", "com.fasterxml");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getCause()).isNull();
    }

    @Test
    void reportsLinesOfMultiLineDocuments() {
        SkiffException e = rejection(() -> ItemJson.readItem("{\n  \"a\": {\"S\": \"x\"},\n  \"b\": {\"N\": 1\n"));

        assertThat(e.getMessage()).startsWith("Invalid JSON at $.b.N: expected a number as a string");
        SkiffException syntax = rejection(() -> ItemJson.readItem("{\n  \"a\": {\"S\": \"x\"},\n  \"b\": {\"N\" \"1\"}\n}"));
        assertThat(syntax.line()).isEqualTo(3);
        assertThat(syntax.column()).isEqualTo(13);
    }

    @Test
    void abbreviatesHugeInputInMessages() {
        String huge = "x".repeat(100_000);

        SkiffException e = rejection(() -> ItemJson.readItem("{\"a\":{\"SS\":[\"" + huge + "\",\"" + huge + "\"]}}"));

        assertThat(e).hasMessage("Invalid JSON at $.a.SS[1]: duplicate element '" + "x".repeat(57) + "...' in SS set");
        assertThat(rejection(() -> ItemJson.readItem("{\"" + huge + "\":{\"S\":1}}")).getMessage())
                .hasSizeLessThan(200);
    }

    @Test
    void rejectsBadTreeInputWithPaths() {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.putObject("n").put("N", 42);

        assertThat(rejection(() -> ItemJson.readItem(item)))
                .hasMessage("Invalid JSON at $.n.N: expected a number as a string such as \"42\", found a JSON number");
        assertThat(rejection(() -> ItemJson.readItem(JsonNodeFactory.instance.arrayNode())))
                .hasMessage("Invalid JSON at $: expected an item object, found an array");
        assertThat(rejection(() -> ItemJson.readItem(MissingNode.getInstance())))
                .hasMessage("Invalid JSON at $: expected an item object, found nothing");
        assertThat(rejection(() -> ItemJson.readValue(JsonNodeFactory.instance.textNode("x"))))
                .hasMessage("Invalid JSON at $: expected a value object such as {\"S\": \"text\"}, found a string");
    }

    @Test
    void rejectsTreeInputWithBinaryNodes() {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put("B", new byte[] {1, 2});

        assertThat(rejection(() -> ItemJson.readValue(value)))
                .hasMessage("Invalid JSON at $.B: expected a Base64 string, found embedded binary or object data");
    }

    @Test
    void rejectsAbsurdlyDeepTrees() {
        JsonNode value = JsonNodeFactory.instance.objectNode().put("NULL", true);
        for (int i = 0; i < 10_000; i++) {
            ObjectNode outer = JsonNodeFactory.instance.objectNode();
            outer.putArray("L").add(value);
            value = outer;
        }
        JsonNode deep = value;

        assertThat(rejection(() -> ItemJson.readValue(deep)).getMessage())
                .endsWith(": values are nested more than 256 levels deep");
    }

    @Test
    void rejectsAbsurdlyDeepText() {
        String deep = "{\"L\":[".repeat(5_000) + "{\"NULL\":true}" + "]}".repeat(5_000);

        SkiffException e = rejection(() -> ItemJson.readValue(deep));

        assertThat(e.getMessage()).startsWith("Invalid JSON at $.L[0].L[0]").doesNotContain("\n");
    }

    private static SkiffException rejection(Executable call) {
        SkiffException e = catchThrowableOfType(SkiffException.class, call::execute);
        assertThat(e).as("expected a SkiffException").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        return e;
    }
}

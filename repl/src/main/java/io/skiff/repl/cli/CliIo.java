package io.skiff.repl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.value.Item;
import io.skiff.protocol.ProtoValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standard streams of a subcommand, and JSON in and out: every JSON argument may be given
 * inline, as {@code @FILE}, or as {@code -} for standard input; results are JSON objects shaped
 * like DynamoDB's responses, one per run, on standard output.
 */
public final class CliIo {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final InputStream stdin;
    private final PrintWriter out;
    private final PrintWriter err;

    public CliIo(InputStream stdin, PrintWriter out, PrintWriter err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    PrintWriter err() {
        return err;
    }

    /** The text of a JSON argument: inline, {@code @FILE}, or {@code -} for standard input. */
    String text(String argument) {
        try {
            if (argument.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (argument.startsWith("@")) {
                return Files.readString(Path.of(argument.substring(1)));
            }
        } catch (IOException e) {
            throw SkiffException.validation("Cannot read " + argument + ": " + e.getMessage());
        }
        return argument;
    }

    /** A JSON argument as a tree. */
    JsonNode json(String option, String argument) {
        try {
            return JSON.readTree(text(argument));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SkiffException.validation(option + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw SkiffException.validation("Cannot read " + option + ": " + e.getMessage());
        }
    }

    /** An item or key argument in DynamoDB JSON, on the wire. */
    io.skiff.protocol.v1.Item item(String option, String argument) {
        return ProtoValues.toProto(ItemJson.readItem(json(option, argument)));
    }

    /** An item from the wire in DynamoDB JSON. */
    static JsonNode itemJson(io.skiff.protocol.v1.Item item) {
        return ItemJson.toJsonNode(ProtoValues.fromProto(item));
    }

    static JsonNode itemJson(Item item) {
        return ItemJson.toJsonNode(item);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Prints one result. */
    void print(JsonNode result) {
        try {
            out.println(JSON.writeValueAsString(result));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}

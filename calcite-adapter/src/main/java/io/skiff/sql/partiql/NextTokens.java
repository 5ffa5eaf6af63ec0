package io.skiff.sql.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB's {@code NextToken}: an opaque string that resumes a read. It holds the read's
 * {@link Cursor} and a fingerprint of the statement text and parameter values, so a token is
 * refused with a clear error when it is sent with another statement or other parameters (which
 * would otherwise resume a different read at a meaningless place). Tokens hold no secret and need
 * none: a forged one can only skip items of a read its sender may run anyway.
 */
final class NextTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;
    private static final int FINGERPRINT_BYTES = 12;

    private NextTokens() {
    }

    /** The fingerprint of a statement with its parameter values. */
    static byte[] fingerprint(String statement, List<AttributeValue> parameters) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(statement.getBytes(StandardCharsets.UTF_8));
            for (AttributeValue parameter : parameters) {
                digest.update((byte) 0);
                digest.update(ItemJson.writeValue(parameter).getBytes(StandardCharsets.UTF_8));
            }
            return Arrays.copyOf(digest.digest(), FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String encode(Cursor cursor, byte[] fingerprint) {
        ObjectNode token = JSON.createObjectNode();
        token.put("v", VERSION);
        token.put("f", Base64.getEncoder().encodeToString(fingerprint));
        token.put("p", cursor.position());
        cursor.lastKey().ifPresent(key -> token.set("k", ItemJson.toJsonNode(key)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a token holds; fails with {@code VALIDATION_ERROR} for a token of another read. */
    static Cursor decode(String token, byte[] fingerprint, TableSchema schema) {
        JsonNode node;
        try {
            node = JSON.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (node == null || !node.isObject() || node.path("v").asInt() != VERSION || !node.path("p").isInt()
                || node.path("p").asInt() < 0 || !node.path("f").isTextual()) {
            throw invalid();
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(node.path("f").asText());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(given, fingerprint)) {
            throw SkiffException.validation("The NextToken was returned for another statement or other parameter"
                    + " values; send it only with the statement and parameters it came from");
        }
        Optional<Item> key = Optional.empty();
        if (node.has("k")) {
            try {
                key = Optional.of(schema.checkKey(ItemJson.readItem(node.get("k"))));
            } catch (SkiffException e) {
                throw invalid();
            }
        }
        return new Cursor(node.path("p").asInt(), key);
    }

    private static SkiffException invalid() {
        return SkiffException.validation("The NextToken is not valid; use the NextToken of the previous page unchanged");
    }
}

package io.skiff.functions.estimate;

import io.skiff.core.json.ItemJson;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of what a value is: its type and its canonical text (numbers without trailing
 * zeros), FNV-1a then MurmurHash3's finalizer, so that nearby values spread over all bits.
 */
final class ValueHash {

    private ValueHash() {
    }

    static long of(AttributeValue value) {
        String text;
        if (value instanceof StringValue string) {
            text = "S:" + string.value();
        } else if (value instanceof NumberValue number) {
            text = "N:" + (number.value().signum() == 0 ? "0" : number.value().stripTrailingZeros().toPlainString());
        } else {
            text = ItemJson.writeValue(value);
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}

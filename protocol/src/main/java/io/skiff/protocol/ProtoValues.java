package io.skiff.protocol;

import com.google.protobuf.ByteString;
import io.skiff.core.error.SkiffException;
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
import io.skiff.protocol.v1.AttributeValue;
import io.skiff.protocol.v1.BinarySet;
import io.skiff.protocol.v1.NumberSet;
import io.skiff.protocol.v1.StringSet;
import io.skiff.protocol.v1.ValueList;
import io.skiff.protocol.v1.ValueMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values between the core model and the wire. Numbers travel as their decimal text, so
 * no precision is lost. Values from the wire are checked as the core model checks them (a
 * malformed number, duplicates in a set, an empty value) and refused with
 * {@code VALIDATION_ERROR}.
 */
public final class ProtoValues {

    private ProtoValues() {
    }

    /** The wire form of a value. */
    public static AttributeValue toProto(io.skiff.core.value.AttributeValue value) {
        AttributeValue.Builder wire = AttributeValue.newBuilder();
        if (value instanceof StringValue s) {
            wire.setS(s.value());
        } else if (value instanceof NumberValue n) {
            wire.setN(n.toText());
        } else if (value instanceof BinaryValue b) {
            wire.setB(ByteString.copyFrom(b.value().toByteArray()));
        } else if (value instanceof BoolValue b) {
            wire.setBool(b.value());
        } else if (value instanceof NullValue) {
            wire.setNull(true);
        } else if (value instanceof StringSetValue ss) {
            wire.setSs(StringSet.newBuilder().addAllValues(ss.values()));
        } else if (value instanceof NumberSetValue ns) {
            NumberSet.Builder set = NumberSet.newBuilder();
            ns.values().forEach(n -> set.addValues(n.toText()));
            wire.setNs(set);
        } else if (value instanceof BinarySetValue bs) {
            BinarySet.Builder set = BinarySet.newBuilder();
            bs.values().forEach(b -> set.addValues(ByteString.copyFrom(b.toByteArray())));
            wire.setBs(set);
        } else if (value instanceof ListValue l) {
            ValueList.Builder list = ValueList.newBuilder();
            l.values().forEach(v -> list.addValues(toProto(v)));
            wire.setL(list);
        } else {
            ValueMap.Builder map = ValueMap.newBuilder();
            ((MapValue) value).values().forEach((name, v) -> map.putValues(name, toProto(v)));
            wire.setM(map);
        }
        return wire.build();
    }

    /** The core value of a wire value; an unset value is refused. */
    public static io.skiff.core.value.AttributeValue fromProto(AttributeValue wire) {
        return switch (wire.getValueCase()) {
            case S -> new StringValue(wire.getS());
            case N -> NumberValue.parse(wire.getN());
            case B -> new BinaryValue(Bytes.of(wire.getB().toByteArray()));
            case BOOL -> BoolValue.of(wire.getBool());
            case NULL -> NullValue.INSTANCE;
            case SS -> StringSetValue.of(wire.getSs().getValuesList());
            case NS -> NumberSetValue.ofTexts(wire.getNs().getValuesList());
            case BS -> {
                List<Bytes> values = new ArrayList<>(wire.getBs().getValuesCount());
                wire.getBs().getValuesList().forEach(b -> values.add(Bytes.of(b.toByteArray())));
                yield BinarySetValue.of(values);
            }
            case L -> {
                List<io.skiff.core.value.AttributeValue> values = new ArrayList<>(wire.getL().getValuesCount());
                wire.getL().getValuesList().forEach(v -> values.add(fromProto(v)));
                yield ListValue.of(values);
            }
            case M -> MapValue.of(fromProto(wire.getM().getValuesMap()));
            case VALUE_NOT_SET -> throw SkiffException.validation("An attribute value has no type: set one of"
                    + " s, n, b, bool, null, ss, ns, bs, l or m");
        };
    }

    /** The wire form of an item. */
    public static io.skiff.protocol.v1.Item toProto(Item item) {
        io.skiff.protocol.v1.Item.Builder wire = io.skiff.protocol.v1.Item.newBuilder();
        item.attributes().forEach((name, value) -> wire.putAttributes(name, toProto(value)));
        return wire.build();
    }

    /** The core item of a wire item. */
    public static Item fromProto(io.skiff.protocol.v1.Item wire) {
        return Item.of(fromProto(wire.getAttributesMap()));
    }

    /** Wire values in order as core values. */
    public static List<io.skiff.core.value.AttributeValue> fromProto(List<AttributeValue> wire) {
        List<io.skiff.core.value.AttributeValue> values = new ArrayList<>(wire.size());
        wire.forEach(v -> values.add(fromProto(v)));
        return values;
    }

    private static Map<String, io.skiff.core.value.AttributeValue> fromProto(Map<String, AttributeValue> wire) {
        Map<String, io.skiff.core.value.AttributeValue> values = new LinkedHashMap<>();
        wire.forEach((name, v) -> values.put(name, fromProto(v)));
        return values;
    }
}

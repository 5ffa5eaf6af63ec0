package io.skiff.replication.command;

import io.skiff.core.expr.ArithmeticOperator;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.PathElement;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.value.AttributeType;
import io.skiff.functions.DistanceOperators;
import io.skiff.protocol.ProtoValues;
import io.skiff.replication.v1.Arithmetic;
import io.skiff.replication.v1.Between;
import io.skiff.replication.v1.Comparison;
import io.skiff.replication.v1.Conditions;
import io.skiff.replication.v1.FunctionCall;
import io.skiff.replication.v1.IfNotExists;
import io.skiff.replication.v1.In;
import io.skiff.replication.v1.PathOperand;
import io.skiff.replication.v1.PathValue;
import io.skiff.replication.v1.SetAction;
import io.skiff.replication.v1.TypeCheck;
import io.skiff.replication.v1.ValuePair;
import java.util.ArrayList;
import java.util.List;

/** Condition and update trees to and from their command messages, node for node. */
final class ExpressionCodec {

    /** The functions a replicated condition may call, resolved by name in every replica. */
    private static final DistanceOperators FUNCTIONS = DistanceOperators.shared();

    private ExpressionCodec() {
    }

    // ---- conditions ---------------------------------------------------------------------

    static io.skiff.replication.v1.Condition toProto(Condition condition) {
        io.skiff.replication.v1.Condition.Builder wire = io.skiff.replication.v1.Condition.newBuilder();
        if (condition instanceof Condition.Comparison c) {
            wire.setComparison(Comparison.newBuilder().setLeft(toProto(c.left()))
                    .setOperator(c.operator().name()).setRight(toProto(c.right())));
        } else if (condition instanceof Condition.Between b) {
            wire.setBetween(Between.newBuilder().setOperand(toProto(b.operand()))
                    .setLow(toProto(b.low())).setHigh(toProto(b.high())));
        } else if (condition instanceof Condition.In in) {
            In.Builder list = In.newBuilder().setOperand(toProto(in.operand()));
            in.candidates().forEach(candidate -> list.addCandidates(toProto(candidate)));
            wire.setIn(list);
        } else if (condition instanceof Condition.And and) {
            wire.setAnd(toProto(and.operands()));
        } else if (condition instanceof Condition.Or or) {
            wire.setOr(toProto(or.operands()));
        } else if (condition instanceof Condition.Not not) {
            wire.setNot(toProto(not.operand()));
        } else if (condition instanceof Condition.AttributeExists exists) {
            wire.setAttributeExists(toProto(exists.path()));
        } else if (condition instanceof Condition.AttributeNotExists notExists) {
            wire.setAttributeNotExists(toProto(notExists.path()));
        } else if (condition instanceof Condition.AttributeTypeIs type) {
            wire.setAttributeType(TypeCheck.newBuilder().setPath(toProto(type.path())).setType(type.type().name()));
        } else if (condition instanceof Condition.BeginsWith begins) {
            wire.setBeginsWith(pathOperand(begins.path(), begins.prefix()));
        } else {
            Condition.Contains contains = (Condition.Contains) condition;
            wire.setContains(pathOperand(contains.path(), contains.operand()));
        }
        return wire.build();
    }

    static Condition fromProto(io.skiff.replication.v1.Condition wire) {
        switch (wire.getKindCase()) {
            case COMPARISON:
                Comparison c = wire.getComparison();
                return Condition.compare(fromProto(c.getLeft()), ComparisonOperator.valueOf(c.getOperator()),
                        fromProto(c.getRight()));
            case BETWEEN:
                Between b = wire.getBetween();
                return Condition.between(fromProto(b.getOperand()), fromProto(b.getLow()), fromProto(b.getHigh()));
            case IN:
                List<Operand> candidates = new ArrayList<>();
                wire.getIn().getCandidatesList().forEach(candidate -> candidates.add(fromProto(candidate)));
                return Condition.in(fromProto(wire.getIn().getOperand()), candidates);
            case AND:
                return new Condition.And(fromProto(wire.getAnd()));
            case OR:
                return new Condition.Or(fromProto(wire.getOr()));
            case NOT:
                return Condition.not(fromProto(wire.getNot()));
            case ATTRIBUTE_EXISTS:
                return Condition.attributeExists(fromProto(wire.getAttributeExists()));
            case ATTRIBUTE_NOT_EXISTS:
                return Condition.attributeNotExists(fromProto(wire.getAttributeNotExists()));
            case ATTRIBUTE_TYPE:
                return Condition.attributeType(fromProto(wire.getAttributeType().getPath()),
                        AttributeType.fromTag(wire.getAttributeType().getType()));
            case BEGINS_WITH:
                return Condition.beginsWith(fromProto(wire.getBeginsWith().getPath()),
                        fromProto(wire.getBeginsWith().getOperand()));
            case CONTAINS:
                return Condition.contains(fromProto(wire.getContains().getPath()),
                        fromProto(wire.getContains().getOperand()));
            default:
                throw CommandCodec.malformed("a condition without a kind");
        }
    }

    private static Conditions toProto(List<Condition> operands) {
        Conditions.Builder wire = Conditions.newBuilder();
        operands.forEach(operand -> wire.addOperands(toProto(operand)));
        return wire.build();
    }

    private static List<Condition> fromProto(Conditions wire) {
        List<Condition> operands = new ArrayList<>(wire.getOperandsCount());
        wire.getOperandsList().forEach(operand -> operands.add(fromProto(operand)));
        return operands;
    }

    private static PathOperand pathOperand(Path path, Operand operand) {
        return PathOperand.newBuilder().setPath(toProto(path)).setOperand(toProto(operand)).build();
    }

    private static io.skiff.replication.v1.Operand toProto(Operand operand) {
        io.skiff.replication.v1.Operand.Builder wire = io.skiff.replication.v1.Operand.newBuilder();
        if (operand instanceof Operand.Ref ref) {
            wire.setRef(toProto(ref.path()));
        } else if (operand instanceof Operand.Literal literal) {
            wire.setLiteral(ProtoValues.toProto(literal.value()));
        } else if (operand instanceof Operand.Call call) {
            FunctionCall.Builder function = FunctionCall.newBuilder().setName(call.name());
            call.arguments().forEach(argument -> function.addArguments(toProto(argument)));
            wire.setCall(function);
        } else {
            wire.setSize(toProto(((Operand.Size) operand).path()));
        }
        return wire.build();
    }

    private static Operand fromProto(io.skiff.replication.v1.Operand wire) {
        switch (wire.getKindCase()) {
            case REF:
                return Operand.path(fromProto(wire.getRef()));
            case LITERAL:
                return Operand.value(ProtoValues.fromProto(wire.getLiteral()));
            case SIZE:
                return Operand.size(fromProto(wire.getSize()));
            case CALL:
                List<Operand> arguments = new ArrayList<>();
                wire.getCall().getArgumentsList().forEach(argument -> arguments.add(fromProto(argument)));
                return FUNCTIONS.call(wire.getCall().getName(), arguments);
            default:
                throw CommandCodec.malformed("an operand without a kind");
        }
    }

    // ---- paths --------------------------------------------------------------------------

    static io.skiff.replication.v1.Path toProto(Path path) {
        io.skiff.replication.v1.Path.Builder wire = io.skiff.replication.v1.Path.newBuilder();
        for (PathElement element : path.elements()) {
            if (element instanceof PathElement.Name name) {
                wire.addElementsBuilder().setName(name.name());
            } else {
                wire.addElementsBuilder().setIndex(((PathElement.Index) element).index());
            }
        }
        return wire.build();
    }

    static Path fromProto(io.skiff.replication.v1.Path wire) {
        List<PathElement> elements = new ArrayList<>(wire.getElementsCount());
        for (io.skiff.replication.v1.PathElement element : wire.getElementsList()) {
            elements.add(element.hasName() ? new PathElement.Name(element.getName())
                    : new PathElement.Index(element.getIndex()));
        }
        return Path.of(elements);
    }

    // ---- updates ------------------------------------------------------------------------

    static List<io.skiff.replication.v1.UpdateAction> toProto(Update update) {
        List<io.skiff.replication.v1.UpdateAction> actions = new ArrayList<>(update.actions().size());
        for (UpdateAction action : update.actions()) {
            io.skiff.replication.v1.UpdateAction.Builder wire = io.skiff.replication.v1.UpdateAction.newBuilder();
            if (action instanceof UpdateAction.Set set) {
                wire.setSet(SetAction.newBuilder().setPath(toProto(set.path())).setValue(toProto(set.value())));
            } else if (action instanceof UpdateAction.Remove remove) {
                wire.setRemove(toProto(remove.path()));
            } else if (action instanceof UpdateAction.Add add) {
                wire.setAdd(pathValue(add.path(), add.value()));
            } else {
                UpdateAction.Delete delete = (UpdateAction.Delete) action;
                wire.setDelete(pathValue(delete.path(), delete.value()));
            }
            actions.add(wire.build());
        }
        return actions;
    }

    static Update fromProto(List<io.skiff.replication.v1.UpdateAction> wire) {
        List<UpdateAction> actions = new ArrayList<>(wire.size());
        for (io.skiff.replication.v1.UpdateAction action : wire) {
            switch (action.getKindCase()) {
                case SET:
                    actions.add(UpdateAction.set(fromProto(action.getSet().getPath()),
                            fromProto(action.getSet().getValue())));
                    break;
                case REMOVE:
                    actions.add(UpdateAction.remove(fromProto(action.getRemove())));
                    break;
                case ADD:
                    actions.add(UpdateAction.add(fromProto(action.getAdd().getPath()),
                            ProtoValues.fromProto(action.getAdd().getValue())));
                    break;
                case DELETE:
                    actions.add(UpdateAction.delete(fromProto(action.getDelete().getPath()),
                            ProtoValues.fromProto(action.getDelete().getValue())));
                    break;
                default:
                    throw CommandCodec.malformed("an update action without a kind");
            }
        }
        return new Update(actions);
    }

    private static PathValue pathValue(Path path, io.skiff.core.value.AttributeValue value) {
        return PathValue.newBuilder().setPath(toProto(path)).setValue(ProtoValues.toProto(value)).build();
    }

    private static io.skiff.replication.v1.UpdateValue toProto(UpdateValue value) {
        io.skiff.replication.v1.UpdateValue.Builder wire = io.skiff.replication.v1.UpdateValue.newBuilder();
        if (value instanceof UpdateValue.Literal literal) {
            wire.setLiteral(ProtoValues.toProto(literal.value()));
        } else if (value instanceof UpdateValue.Ref ref) {
            wire.setRef(toProto(ref.path()));
        } else if (value instanceof UpdateValue.IfNotExists ifNotExists) {
            wire.setIfNotExists(IfNotExists.newBuilder().setPath(toProto(ifNotExists.path()))
                    .setFallback(toProto(ifNotExists.fallback())));
        } else if (value instanceof UpdateValue.ListAppend append) {
            wire.setListAppend(ValuePair.newBuilder().setFirst(toProto(append.first()))
                    .setSecond(toProto(append.second())));
        } else {
            UpdateValue.Arithmetic arithmetic = (UpdateValue.Arithmetic) value;
            wire.setArithmetic(Arithmetic.newBuilder().setLeft(toProto(arithmetic.left()))
                    .setOperator(arithmetic.operator().name()).setRight(toProto(arithmetic.right())));
        }
        return wire.build();
    }

    private static UpdateValue fromProto(io.skiff.replication.v1.UpdateValue wire) {
        switch (wire.getKindCase()) {
            case LITERAL:
                return UpdateValue.value(ProtoValues.fromProto(wire.getLiteral()));
            case REF:
                return UpdateValue.path(fromProto(wire.getRef()));
            case IF_NOT_EXISTS:
                return UpdateValue.ifNotExists(fromProto(wire.getIfNotExists().getPath()),
                        fromProto(wire.getIfNotExists().getFallback()));
            case LIST_APPEND:
                return UpdateValue.listAppend(fromProto(wire.getListAppend().getFirst()),
                        fromProto(wire.getListAppend().getSecond()));
            case ARITHMETIC:
                return UpdateValue.arithmetic(fromProto(wire.getArithmetic().getLeft()),
                        ArithmeticOperator.valueOf(wire.getArithmetic().getOperator()),
                        fromProto(wire.getArithmetic().getRight()));
            default:
                throw CommandCodec.malformed("an update value without a kind");
        }
    }
}

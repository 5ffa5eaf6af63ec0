package io.skiff.protocol;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.v1.ErrorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Skiff's failures on the wire: a gRPC status whose code follows the {@link ErrorCode}, with an
 * {@link ErrorInfo} detail carrying the Skiff code, number, SQLState, message and position, and
 * the reasons of a cancelled transaction. Clients turn it back into the same
 * {@link SkiffException}.
 */
public final class ProtoErrors {

    private ProtoErrors() {
    }

    /** The details of a failure. */
    public static ErrorInfo toErrorInfo(SkiffException e) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder()
                .setCode(e.code().name())
                .setNumber(e.code().number())
                .setSqlState(e.code().sqlState())
                .setMessage(String.valueOf(e.getMessage()))
                .setLine(e.line())
                .setColumn(e.column());
        for (CancellationReason reason : e.cancellationReasons()) {
            info.addReasonsBuilder()
                    .setCode(reason.isNone() ? "None" : reason.code().name())
                    .setMessage(reason.message());
        }
        return info.build();
    }

    /** The failure as a gRPC status with its details. */
    public static StatusRuntimeException toStatus(SkiffException e) {
        ErrorInfo info = toErrorInfo(e);
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.valueOf(e.code().grpcStatus()).value())
                .setMessage("[" + info.getCode() + "] " + info.getMessage())
                .addDetails(Any.pack(info))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    /** The failure a status carries, rebuilt as it was on the server; empty for a status without Skiff details. */
    public static Optional<SkiffException> fromStatus(Throwable failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return Optional.empty();
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return Optional.of(fromErrorInfo(detail.unpack(ErrorInfo.class)));
                } catch (InvalidProtocolBufferException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The failure a batch response or a status detail describes. */
    public static SkiffException fromErrorInfo(ErrorInfo info) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (io.skiff.protocol.v1.CancellationReason reason : info.getReasonsList()) {
            reasons.add(reason.getCode().equals("None") ? CancellationReason.NONE
                    : CancellationReason.of(codeNamed(reason.getCode()), reason.getMessage()));
        }
        return SkiffException.received(codeNamed(info.getCode()), info.getMessage(), info.getLine(), info.getColumn(),
                reasons);
    }

    /** A code this client does not know (a newer server) reads as an internal error, keeping its message. */
    private static ErrorCode codeNamed(String name) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTERNAL_ERROR;
        }
    }
}

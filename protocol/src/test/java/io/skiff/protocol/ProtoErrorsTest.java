package io.skiff.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Skiff failure crosses the wire as its gRPC status and comes back as the same failure. */
class ProtoErrorsTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeMapsToItsStatusAndRoundTrips(ErrorCode code) {
        SkiffException sent = SkiffException.at(code, 3, 14, "something about '" + code + "'");
        StatusRuntimeException wire = ProtoErrors.toStatus(sent);
        assertThat(wire.getStatus().getCode()).isEqualTo(Status.Code.valueOf(code.grpcStatus()));
        assertThat(wire.getStatus().getDescription()).startsWith("[" + code.name() + "] ");
        SkiffException received = ProtoErrors.fromStatus(wire).orElseThrow();
        assertThat(received.code()).isEqualTo(code);
        assertThat(received.getMessage()).isEqualTo(sent.getMessage());
        assertThat(received.line()).isEqualTo(3);
        assertThat(received.column()).isEqualTo(14);
        assertThat(received.sqlState()).isEqualTo(code.sqlState());
    }

    @Test
    void theReasonsOfACancelledTransactionTravelInOrder() {
        SkiffException sent = SkiffException.transactionCancelled(List.of(CancellationReason.NONE,
                CancellationReason.of(ErrorCode.CONDITIONAL_CHECK_FAILED, "The condition is false")));
        SkiffException received = ProtoErrors.fromStatus(ProtoErrors.toStatus(sent)).orElseThrow();
        assertThat(received.cancellationReasons()).hasSize(2);
        assertThat(received.cancellationReasons().get(0).isNone()).isTrue();
        assertThat(received.cancellationReasons().get(1).code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
        assertThat(received.cancellationReasons().get(1).message()).isEqualTo("The condition is false");
    }

    @Test
    void aStatusWithoutSkiffDetailsIsNotMistakenForOne() {
        assertThat(ProtoErrors.fromStatus(Status.UNAVAILABLE.withDescription("down").asRuntimeException())).isEmpty();
        assertThat(ProtoErrors.fromStatus(new IllegalStateException("not a status"))).isEmpty();
    }
}

package io.skiff.server;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.ProtoErrors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a unary call: the response, or the failure as a status. A Skiff failure keeps its code,
 * message and position (in an {@link io.skiff.protocol.v1.ErrorInfo} detail); anything else is a
 * bug, answered with INTERNAL and a generic message while the details go to the log.
 */
final class Calls {

    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private Calls() {
    }

    static <T> void answer(StreamObserver<T> observer, String method, Supplier<T> call) {
        T response;
        try {
            response = call.get();
        } catch (SkiffException e) {
            observer.onError(ProtoErrors.toStatus(e));
            return;
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        } catch (RuntimeException | Error e) {
            LOG.error("call={} outcome=internal-error", method, e);
            observer.onError(Status.INTERNAL.withDescription("Internal error in " + method
                    + "; the server log has the details").asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}

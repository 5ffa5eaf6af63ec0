package io.skiff.repl.cli;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.ProtoErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * A subcommand that makes one call to a server and prints its result as JSON. Exit status: 0
 * done, 1 the server refused the request (its error on standard error), 2 a bad command line,
 * 3 no server answered.
 */
abstract class ApiCommand implements Callable<Integer> {

    /** Exit status when the server refused the request. */
    static final int REFUSED = 1;
    /** Exit status when no server answered. */
    static final int UNREACHABLE = 3;

    @Option(names = "--endpoint", paramLabel = "HOST:PORT", description = "The server (SKIFF_ENDPOINT; default:"
            + " localhost:7411); any node of a cluster.")
    String endpoint;

    final CliIo io;
    private final Map<String, String> environment;

    ApiCommand(CliIo io, Map<String, String> environment) {
        this.io = io;
        this.environment = environment;
    }

    /** Makes the call over {@code channel} and prints its result. */
    abstract void call(ManagedChannel channel);

    /**
     * Calls the first server of the list that can be reached: a server that refuses the
     * connection cannot have seen the request, so the next one is tried; any other failure is
     * final, since the request may have taken effect.
     */
    @Override
    public Integer call() {
        List<String> targets = targets();
        for (int i = 0; i < targets.size() - 1; i++) {
            int status = callTarget(targets.get(i), this::call, true);
            if (status != UNREACHABLE) {
                return status;
            }
        }
        return callTarget(targets.get(targets.size() - 1), this::call);
    }

    /** The servers named by --endpoint (or SKIFF_ENDPOINT): one, or a comma-separated list. */
    List<String> targets() {
        String targets = Optional.ofNullable(endpoint).or(() -> Optional.ofNullable(environment.get("SKIFF_ENDPOINT")))
                .orElse("localhost:7411");
        List<String> list = new ArrayList<>();
        for (String target : targets.split(",")) {
            if (!target.isBlank()) {
                list.add(target.strip());
            }
        }
        if (list.isEmpty()) {
            throw SkiffException.validation("--endpoint names no server");
        }
        return list;
    }

    /** Runs {@code action} over a channel to {@code target}; returns the exit status. */
    int callTarget(String target, Consumer<ManagedChannel> action) {
        return callTarget(target, action, false);
    }

    /**
     * Runs {@code action} over a channel to {@code target}; returns the exit status. With
     * {@code quietIfRefused}, a server that refuses the connection is {@link #UNREACHABLE}
     * without a message, for the caller to try another.
     */
    private int callTarget(String target, Consumer<ManagedChannel> action, boolean quietIfRefused) {
        ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            action.accept(channel);
            return 0;
        } catch (StatusRuntimeException e) {
            Optional<SkiffException> skiff = ProtoErrors.fromStatus(e);
            if (skiff.isPresent()) {
                return refused(skiff.get());
            }
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                if (quietIfRefused && connectionRefused(e)) {
                    return UNREACHABLE;
                }
                io.err().println("skiff: no Skiff server answers at " + target + ": "
                        + e.getStatus().getDescription());
                return UNREACHABLE;
            }
            io.err().println("skiff: the server at " + target + " answered " + e.getStatus());
            return REFUSED;
        } catch (SkiffException e) {
            return refused(e);
        } finally {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the call failed while connecting, before anything was sent. */
    private static boolean connectionRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private int refused(SkiffException e) {
        StringBuilder line = new StringBuilder("skiff: [").append(e.code().name()).append("] ").append(e.getMessage());
        if (!e.cancellationReasons().isEmpty()) {
            line.append(" (reasons: ");
            for (int i = 0; i < e.cancellationReasons().size(); i++) {
                var reason = e.cancellationReasons().get(i);
                line.append(i > 0 ? ", " : "").append(reason.isNone() ? "None" : reason.code().name());
            }
            line.append(')');
        }
        io.err().println(line);
        io.err().flush();
        return REFUSED;
    }
}

package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Idempotency of transactions by client token, as DynamoDB's {@code ClientRequestToken}: for
 * {@link #WINDOW} after a transaction with a token commits, the same token with the same request
 * (the same fingerprint) returns that result without running again, and the same token with
 * anything else is refused. PartiQL's {@code ExecuteTransaction} and the item API's
 * {@code TransactWriteItems} each keep their own. Requests with one token run one at a time. A failed transaction
 * leaves no record, so it can be retried with its token.
 *
 * <p>The record is kept in memory by this engine, at most {@link #CAPACITY} tokens: it does not
 * survive a restart and is not shared between replicas.
 */
public final class ClientTokens<R> {

    /** How long a committed token is remembered, as in DynamoDB. */
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** Most tokens remembered; the oldest are forgotten first. */
    static final int CAPACITY = 10_000;
    /** Longest token accepted, as in DynamoDB. */
    static final int MAX_TOKEN_LENGTH = 36;

    private final Clock clock;
    private final LinkedHashMap<String, Entry<R>> entries = new LinkedHashMap<>();

    /** Tokens remembered for {@link #WINDOW} as {@code clock} tells time. */
    public ClientTokens(Clock clock) {
        this.clock = clock;
    }

    /** The fingerprint of bytes that identify a request. */
    public static byte[] fingerprint(byte[] request) {
        return sha256().digest(request);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The fingerprint of a PartiQL transaction: its statements and parameter values, in order. */
    static byte[] fingerprint(List<ParameterizedStatement> statements) {
        MessageDigest digest = sha256();
        for (ParameterizedStatement statement : statements) {
            digest.update(statement.statement().getBytes(StandardCharsets.UTF_8));
            for (AttributeValue parameter : statement.parameters()) {
                digest.update((byte) 1);
                digest.update(ItemJson.writeValue(parameter).getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return digest.digest();
    }

    /**
     * Runs the transaction once per token and request, returning the remembered result after that.
     *
     * @param fingerprint identifies the request: equal requests must give equal bytes
     */
    public R run(String token, byte[] fingerprint, Supplier<R> transaction) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw SkiffException.validation("A client token has 1 to " + MAX_TOKEN_LENGTH + " characters, not "
                    + token.length());
        }
        Entry<R> entry;
        synchronized (entries) {
            forgetExpired(clock.instant());
            entry = entries.computeIfAbsent(token, t -> new Entry<>());
        }
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.result != null && now.isBefore(entry.expires)) {
                if (!MessageDigest.isEqual(entry.fingerprint, fingerprint)) {
                    throw SkiffException.validation("The client token '" + token + "' was used within the last "
                            + WINDOW.toMinutes() + " minutes for a different transaction; a token may be reused only"
                            + " with the same request (IdempotentParameterMismatch)");
                }
                return entry.result;
            }
            R result = transaction.get();
            entry.fingerprint = fingerprint;
            entry.expires = now.plus(WINDOW);
            entry.result = result;
            return result;
        }
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Entry<R>>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry<R> entry = it.next().getValue();
            boolean expired = entry.result != null && !now.isBefore(entry.expires);
            if (expired || entries.size() > CAPACITY) {
                it.remove();
            }
        }
    }

    /** What one token committed; written under its own monitor, read by the expiry sweep without it. */
    private static final class Entry<R> {
        private volatile byte[] fingerprint;
        private volatile Instant expires;
        private volatile R result;
    }
}

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
 * {@link #WINDOW} after a transaction with a token commits, the same token with the same
 * statements and parameters returns that result without running again, and the same token with
 * anything else is refused. Requests with one token run one at a time. A failed transaction
 * leaves no record, so it can be retried with its token.
 *
 * <p>The record is kept in memory by this engine, at most {@link #CAPACITY} tokens: it does not
 * survive a restart and is not shared between replicas.
 */
final class ClientTokens {

    /** How long a committed token is remembered, as in DynamoDB. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Most tokens remembered; the oldest are forgotten first. */
    static final int CAPACITY = 10_000;
    /** Longest token accepted, as in DynamoDB. */
    static final int MAX_TOKEN_LENGTH = 36;

    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    ClientTokens(Clock clock) {
        this.clock = clock;
    }

    /** The fingerprint of a request: its statements and parameter values, in order. */
    static byte[] fingerprint(List<ParameterizedStatement> statements) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ParameterizedStatement statement : statements) {
                digest.update(statement.statement().getBytes(StandardCharsets.UTF_8));
                for (AttributeValue parameter : statement.parameters()) {
                    digest.update((byte) 1);
                    digest.update(ItemJson.writeValue(parameter).getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Runs the transaction once per token and request, returning the remembered result after that. */
    TransactionResult run(String token, byte[] fingerprint, Supplier<TransactionResult> transaction) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw SkiffException.validation("A client token has 1 to " + MAX_TOKEN_LENGTH + " characters, not "
                    + token.length());
        }
        Entry entry;
        synchronized (entries) {
            forgetExpired(clock.instant());
            entry = entries.computeIfAbsent(token, t -> new Entry());
        }
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.result != null && now.isBefore(entry.expires)) {
                if (!MessageDigest.isEqual(entry.fingerprint, fingerprint)) {
                    throw SkiffException.validation("The client token '" + token + "' was used within the last "
                            + WINDOW.toMinutes() + " minutes for a different transaction; a token may be reused only"
                            + " with the same statements and parameters (IdempotentParameterMismatch)");
                }
                return entry.result;
            }
            TransactionResult result = transaction.get();
            entry.fingerprint = fingerprint;
            entry.expires = now.plus(WINDOW);
            entry.result = result;
            return result;
        }
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry entry = it.next().getValue();
            boolean expired = entry.result != null && !now.isBefore(entry.expires);
            if (expired || entries.size() > CAPACITY) {
                it.remove();
            }
        }
    }

    /** What one token committed; written under its own monitor, read by the expiry sweep without it. */
    private static final class Entry {
        private volatile byte[] fingerprint;
        private volatile Instant expires;
        private volatile TransactionResult result;
    }
}

package io.skiff.sql.api;

import io.skiff.core.value.AttributeType;

/**
 * Where the items of a prepared statement live when every execution touches one partition,
 * named by one {@code ?} marker: a client that knows how the keyspace is split can send each
 * execution straight to the server that leads that partition's group.
 *
 * @param table the table the statement reads or writes
 * @param parameter the 0-based index of the marker that holds the partition key
 * @param keyType the partition key's type ({@code S}, {@code N} or {@code B})
 */
public record RoutingKey(String table, int parameter, AttributeType keyType) {
}

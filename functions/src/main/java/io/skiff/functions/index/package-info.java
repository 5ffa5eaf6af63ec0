/**
 * Skiff's built-in index plugins, registered as {@link io.skiff.functions.IndexPlugin} services.
 *
 * <p>Term indexes (storage keeps a posting list per term): {@code trigram} (fuzzy text),
 * {@code radix} (prefixes), {@code geohash} (places within a radius), {@code roaring} (equality
 * cohorts; see {@link io.skiff.functions.index.Cohorts}) are exact; {@code minhash} (set
 * similarity), {@code simhash} (near-duplicate text) and {@code vectorlsh} (nearest vectors) are
 * approximate, except that {@code simhash} is exact for the bounds it accepts. Filters (storage
 * keeps an array of 64-bit cells): {@code bloom}, {@code cbloom} (counting, removable) and
 * {@code cuckoo} (removable).
 *
 * <p>Everything here is pure computation: no storage, no SQL, no clocks, no unseeded randomness.
 * Terms and cells are stored, so their encodings must never change for given options.
 */
package io.skiff.functions.index;

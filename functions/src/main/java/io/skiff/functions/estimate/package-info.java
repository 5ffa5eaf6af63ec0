/** Skiff's built-in estimators: {@code hll} (distinct values) and {@code cms} (occurrences of a value). */
package io.skiff.functions.estimate;

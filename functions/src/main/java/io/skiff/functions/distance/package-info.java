/** Skiff's built-in distance operators, registered as {@link io.skiff.functions.DistanceOperator} services. */
package io.skiff.functions.distance;

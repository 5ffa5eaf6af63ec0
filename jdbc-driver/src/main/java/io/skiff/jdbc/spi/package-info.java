/**
 * What the driver asks of the database behind a connection: {@link io.skiff.jdbc.spi.Database}
 * (sessions and tables), and {@link io.skiff.jdbc.spi.EmbeddedEngine}, the in-process engine
 * found on the classpath.
 */
package io.skiff.jdbc.spi;

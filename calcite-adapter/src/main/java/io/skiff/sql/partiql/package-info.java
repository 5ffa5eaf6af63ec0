/**
 * PartiQL in DynamoDB's dialect, run against Skiff: the entry point the gRPC server wires
 * ({@link io.skiff.sql.partiql.PartiqlSession}), one statement at a time, in batches, or in
 * transactions.
 *
 * <p>Statements are parsed by {@code io.skiff.parser.partiql} into a positioned AST and checked
 * against the catalog here. A SELECT's key conditions are lowered to relational algebra and
 * planned by the same Calcite program and Skiff rules as SQL, so the access path (point get,
 * multi-get, range scan, full scan) and its EXPLAIN text are the same as SQL's; everything else of
 * the WHERE clause keeps DynamoDB's semantics by being evaluated with {@code core}'s
 * {@link io.skiff.core.expr.Condition} inside the storage read, which also gives DynamoDB's
 * paging. INSERT, UPDATE and DELETE become single-item storage commands whose conditions are
 * evaluated by storage. See {@code docs/partiql.md} and decision 008.
 */
package io.skiff.sql.partiql;

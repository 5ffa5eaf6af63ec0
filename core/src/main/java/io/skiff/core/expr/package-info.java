/**
 * Condition expressions, update actions and projections as small immutable trees.
 *
 * <p>The SQL dialect, the PartiQL dialect and the item API all produce these trees, and the
 * storage engine evaluates them, so every front end gets the same semantics: those of the
 * reference system's condition, update and projection expressions. Evaluation is deterministic
 * (no clock, no randomness) and never changes its input. Every rule violation is a
 * {@link io.skiff.core.error.SkiffException} with
 * {@link io.skiff.core.error.ErrorCode#VALIDATION_ERROR} naming the path or operand involved.
 *
 * <ul>
 *   <li>{@link io.skiff.core.expr.Path} — document paths such as {@code a.b[2].c};</li>
 *   <li>{@link io.skiff.core.expr.Condition} over {@link io.skiff.core.expr.Operand}s;</li>
 *   <li>{@link io.skiff.core.expr.Update} of {@link io.skiff.core.expr.UpdateAction}s, whose
 *       {@code SET} right-hand sides are {@link io.skiff.core.expr.UpdateValue}s;</li>
 *   <li>{@link io.skiff.core.expr.Projection} of paths.</li>
 * </ul>
 */
package io.skiff.core.expr;

package io.skiff.parser.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Projection;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's rule that the paths one UPDATE writes may not overlap ({@code a} and {@code a.b})
 * or conflict ({@code a.b} and {@code a[0]}). The rule itself is core's (the one updates and
 * projections apply, with the same messages); this adds the position of the offending path.
 */
final class PathOverlap {

    private PathOverlap() {
    }

    static void check(List<Expr.PathRef> targets) {
        List<Path> seen = new ArrayList<>(targets.size());
        for (Expr.PathRef target : targets) {
            seen.add(target.path());
            if (seen.size() > 1) {
                try {
                    // Projection.of builds core's path tree, which rejects overlapping or conflicting paths.
                    Projection.of(seen);
                } catch (SkiffException e) {
                    throw target.position().invalid(e.getMessage());
                }
            }
        }
    }
}

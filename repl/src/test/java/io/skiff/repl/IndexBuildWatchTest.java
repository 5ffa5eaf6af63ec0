package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.jdbc.IndexBuild;
import io.skiff.jdbc.IndexBuilds;
import io.skiff.repl.bulk.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The status line of a running CREATE INDEX: which build it follows, its text, and how it is drawn and wiped. */
class IndexBuildWatchTest {

    private static final IndexBuildWatch.Target BY_NAME = new IndexBuildWatch.Target("by_name", "customers");

    private static IndexBuild build(String index, String table, long filed, long estimated) {
        return new IndexBuild(table, index, "trigram", filed, estimated, Instant.EPOCH);
    }

    @Test
    void theTargetIsTheIndexAndTableTheStatementNames() {
        assertThat(IndexBuildWatch.Target.of("CREATE INDEX by_name ON customers USING trigram (name)"))
                .contains(BY_NAME);
        assertThat(IndexBuildWatch.Target.of("  create index if not exists by_name\n on customers using trigram (name)"))
                .contains(BY_NAME);
        assertThat(IndexBuildWatch.Target.of("CREATE INDEX \"By \"\"Name\"\"\" ON \"my-customers\" USING radix (n)"))
                .contains(new IndexBuildWatch.Target("By \"Name\"", "my-customers"));
        assertThat(IndexBuildWatch.Target.of("-- names, fuzzily\n/* for the search page */ CREATE INDEX by_name ON customers"
                + " USING trigram (name)")).contains(BY_NAME);
        assertThat(IndexBuildWatch.Target.of("-- CREATE INDEX by_name ON customers USING trigram (name)")).isEmpty();
        assertThat(IndexBuildWatch.Target.of("DROP INDEX by_name ON customers")).isEmpty();
        assertThat(IndexBuildWatch.Target.of("CREATE TABLE t (pk VARCHAR, PRIMARY KEY (pk))")).isEmpty();
    }

    @Test
    void theLineSaysHowManyItemsOfTheEstimateAreFiled() {
        assertThat(IndexBuildWatch.line(BY_NAME, List.of(build("other", "customers", 5, 10),
                build("by_name", "customers", 412_000, 1_000_000))))
                .contains("building by_name on customers: 412,000 of ~1,000,000 items (41%)");
        // No estimate, or one the build has passed: the count alone.
        assertThat(IndexBuildWatch.line(BY_NAME, List.of(build("by_name", "customers", 1_200_000, 1_000_000))))
                .contains("building by_name on customers: 1,200,000 items");
        assertThat(IndexBuildWatch.line(BY_NAME, List.of(build("by_name", "customers", 1, 0))))
                .contains("building by_name on customers: 1 item");
        assertThat(IndexBuildWatch.line(BY_NAME, List.of(build("by_name", "other", 1, 2)))).isEmpty();
    }

    @Test
    void aLineWiderThanTheTerminalIsCutSoItNeverWraps() {
        assertThat(IndexBuildWatch.fit("building by_name", 10)).isEqualTo("building ");
        assertThat(IndexBuildWatch.fit("building", 0)).isEqualTo("building");
    }

    @Test
    void eachPollRedrawsTheLineInPlaceAndClosingWipesIt() {
        StringWriter screen = new StringWriter();
        Deque<List<IndexBuild>> answers = new ArrayDeque<>(List.of(
                List.of(build("by_name", "customers", 100, 400)),
                List.of(),
                List.of(build("by_name", "customers", 300, 400))));
        IndexBuildWatch watch = new IndexBuildWatch(BY_NAME, answers::poll, Progress.on(new PrintWriter(screen)),
                () -> 80);
        watch.poll();
        // The build has not begun (or has ended): the line stays as it was.
        watch.poll();
        watch.poll();
        watch.close();
        String first = "building by_name on customers: 100 of ~400 items (25%)";
        String second = "building by_name on customers: 300 of ~400 items (75%)";
        assertThat(screen.toString()).isEqualTo("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r");
        watch.poll();
        assertThat(screen.toString()).endsWith(" \r");
    }

    @Test
    void aSourceThatFailsIsAskedNoMoreAndDrawsNothing() {
        StringWriter screen = new StringWriter();
        AtomicInteger asked = new AtomicInteger();
        IndexBuilds failing = () -> {
            asked.incrementAndGet();
            throw new SQLException("UNIMPLEMENTED: an older server", "XX000");
        };
        IndexBuildWatch watch = new IndexBuildWatch(BY_NAME, failing, Progress.on(new PrintWriter(screen)), () -> 80);
        watch.poll();
        watch.poll();
        watch.close();
        assertThat(asked).hasValue(1);
        assertThat(screen.toString()).isEmpty();
    }
}

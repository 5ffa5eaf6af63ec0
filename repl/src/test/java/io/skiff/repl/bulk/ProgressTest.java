package io.skiff.repl.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theBarShowsShareRowsRateAndTimeLeft() {
        assertThat(Progress.line(45_000, 0.45, 5 * SECOND))
                .isEqualTo("[#########-----------]  45%  45,000 rows  9,000 rows/s  ETA 0:06");
        assertThat(Progress.line(1, 0.0, 0)).isEqualTo("[--------------------]   0%  1 row");
        assertThat(Progress.line(10, 1.0, SECOND)).isEqualTo("[####################] 100%  10 rows  10 rows/s");
    }

    @Test
    void withoutATotalOnlyRowsAndRate() {
        assertThat(Progress.line(1_234_567, Double.NaN, 2 * SECOND)).isEqualTo("1,234,567 rows  617,284 rows/s");
    }

    @Test
    void durationsAndSummaries() {
        assertThat(Progress.duration(59.6)).isEqualTo("1:00");
        assertThat(Progress.duration(3725)).isEqualTo("1:02:05");
        assertThat(Progress.rate(500, SECOND / 2)).isEqualTo("0.5 s (1,000 rows/s)");
    }

    @Test
    void itRedrawsInPlaceAtMostTenTimesASecondAndIsWipedAtTheEnd() {
        StringWriter screen = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = Progress.on(new PrintWriter(screen), clock::get);
        progress.update(1, 0.1);
        clock.addAndGet(SECOND / 20);
        progress.update(2, 0.2);
        clock.addAndGet(SECOND / 10);
        progress.update(3, 0.3);
        progress.finish();
        String text = screen.toString();
        assertThat(text.split("\r", -1)).hasSize(5);
        assertThat(text).contains("1 row").doesNotContain(" 2 rows").contains("3 rows").endsWith("\r");
        assertThat(Progress.none()).satisfies(none -> {
            none.update(1, 0.5);
            none.finish();
        });
    }
}

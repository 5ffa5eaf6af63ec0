package io.skiff.repl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class PagedWriterTest {

    /** A pager that keeps what it is given, and may be quit after some characters. */
    private static final class RecordingPager implements Pager {
        final StringWriter shown = new StringWriter();
        int started;
        int finished;
        int quitAfter = Integer.MAX_VALUE;

        @Override
        public Writer start() {
            started++;
            return new Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) throws IOException {
                    if (shown.getBuffer().length() + length > quitAfter) {
                        throw new IOException("Broken pipe");
                    }
                    shown.write(buffer, offset, length);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void finish() {
            finished++;
        }
    }

    @Test
    void textThatFitsGoesToTheScreenWithoutAPager() throws IOException {
        StringWriter screen = new StringWriter();
        RecordingPager pager = new RecordingPager();
        try (PagedWriter out = new PagedWriter(screen, 3, 80, pager)) {
            out.write("a\nb\nc\n");
            assertThat(screen.toString()).isEmpty();
        }
        assertThat(screen.toString()).isEqualTo("a\nb\nc\n");
        assertThat(pager.started).isZero();
    }

    @Test
    void tallerTextGoesWholeToThePagerAndWaitsForIt() throws IOException {
        StringWriter screen = new StringWriter();
        RecordingPager pager = new RecordingPager();
        PagedWriter out = new PagedWriter(screen, 3, 80, pager);
        out.write("a\nb\nc\n");
        out.write("d\ne\n");
        assertThat(out.paging()).isTrue();
        out.close();
        assertThat(screen.toString()).isEmpty();
        assertThat(pager.shown.toString()).isEqualTo("a\nb\nc\nd\ne\n");
        assertThat(pager.finished).isEqualTo(1);
    }

    @Test
    void longLinesCountAsTheRowsTheyWrapTo() throws IOException {
        RecordingPager pager = new RecordingPager();
        PagedWriter out = new PagedWriter(new StringWriter(), 3, 10, pager);
        out.write("x".repeat(35) + "\n");
        assertThat(out.paging()).isTrue();
    }

    @Test
    void quittingThePagerEarlyAbandonsTheRest() throws IOException {
        RecordingPager pager = new RecordingPager();
        pager.quitAfter = 10;
        PagedWriter out = new PagedWriter(new StringWriter(), 2, 80, pager);
        out.write("1\n2\n3\n");
        assertThat(out.abandoned()).isFalse();
        out.write("a long line that the pager no longer reads\n");
        assertThat(out.abandoned()).isTrue();
        out.write("more\n");
        out.close();
        assertThat(pager.shown.toString()).isEqualTo("1\n2\n3\n");
    }
}

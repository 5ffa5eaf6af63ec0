package io.skiff.repl.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** Reads the records of an import file one at a time. */
interface RecordReader extends Closeable {

    /** The next record, readable or not; empty at the end of the file. */
    Optional<SourceRecord> next() throws IOException;

    /** Bytes of the file read so far, for the progress bar. */
    long bytesRead();
}

package io.skiff.jdbc.remote;

import io.skiff.core.error.SkiffException;
import io.skiff.protocol.WireRows;
import io.skiff.protocol.v1.CloseCursorRequest;
import io.skiff.protocol.v1.FetchRequest;
import io.skiff.protocol.v1.Row;
import io.skiff.protocol.v1.RowFrame;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.RowCursor;
import java.util.Iterator;

/**
 * Rows of a server-side cursor, one frame at a time: the next frame is fetched when the rows of
 * the current one are used up, so only a frame is ever in memory here.
 */
final class RemoteRows implements RowCursor {

    private final RemoteStatement.Target target;
    private final String cursorId;
    private final int width;
    private final Interruption interruption;
    private Iterator<Row> frame;
    private boolean done;
    private Object[] current;

    RemoteRows(RemoteStatement.Target target, String cursorId, RowFrame first, int width, Interruption interruption) {
        this.target = target;
        this.cursorId = cursorId;
        this.width = width;
        this.interruption = interruption;
        this.frame = first.getRowsList().iterator();
        this.done = first.getDone();
    }

    /** Stops at a cancel even between frames, as the embedded driver stops between rows. */
    @Override
    public boolean next() {
        interruption.check();
        while (!frame.hasNext() && !done) {
            fetch();
        }
        if (!frame.hasNext()) {
            current = null;
            return false;
        }
        Row row = frame.next();
        current = new Object[width];
        for (int i = 0; i < width; i++) {
            current[i] = WireRows.fromWire(row.getValues(i));
        }
        return true;
    }

    private void fetch() {
        interruption.enter();
        try {
            RowFrame next = target.calls().call(interruption, () -> target.stub().fetch(FetchRequest.newBuilder()
                    .setSessionId(target.sessionId()).setCursorId(cursorId).setMaxRows(RemoteStatement.FRAME_ROWS)
                    .build())).getFrame();
            frame = next.getRowsList().iterator();
            done = next.getDone();
        } catch (RuntimeException e) {
            done = true;
            throw e;
        } finally {
            interruption.exit();
        }
    }

    @Override
    public Object get(int column) {
        if (current == null) {
            throw new IllegalStateException("no current row");
        }
        return current[column];
    }

    /** Closes the cursor on the server if rows were left unread there. */
    @Override
    public void close() {
        current = null;
        if (!done) {
            done = true;
            try {
                target.calls().call(() -> target.stub().closeCursor(CloseCursorRequest.newBuilder()
                        .setSessionId(target.sessionId()).setCursorId(cursorId).build()));
            } catch (SkiffException e) {
                // The server closes a session's cursors with the session anyway.
            }
        }
    }
}

package io.skiff.replication.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a recorded history of one register is linearizable: whether some order of its
 * operations, each placed between its invocation and its return, explains every outcome the
 * clients saw. A depth-first search over linearization points (Wing and Gong), pruned by
 * remembering which (set of placed operations, register state) pairs were already tried
 * (Lowe), the approach of checkers such as Knossos and Porcupine.
 *
 * <p>Linearizability is local, so a history of many keys is checked one key at a time.
 */
public final class LinearizabilityChecker {

    private LinearizabilityChecker() {
    }

    /** Whether the operations on one register, which starts without a value, are linearizable. */
    public static boolean isLinearizable(List<RegisterOp> history) {
        Entry head = eventList(history);
        BitSet placed = new BitSet(history.size());
        Set<Visited> visited = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        String state = null;
        Entry entry = head.next;
        while (head.next != null) {
            if (entry.isCall()) {
                Object next = entry.op.step(state);
                BitSet withOp = (BitSet) placed.clone();
                withOp.set(entry.index);
                if (next != RegisterOp.IMPOSSIBLE && visited.add(new Visited(withOp, (String) next))) {
                    stack.push(new Frame(entry, state));
                    state = (String) next;
                    placed = withOp;
                    entry.lift();
                    entry = head.next;
                } else {
                    entry = entry.next;
                }
            } else {
                // A return whose operation is not placed yet: every order so far fails here.
                if (stack.isEmpty()) {
                    return false;
                }
                Frame frame = stack.pop();
                state = frame.state;
                placed.clear(frame.entry.index);
                frame.entry.unlift();
                entry = frame.entry.next;
            }
        }
        return true;
    }

    private record Frame(Entry entry, String state) {
    }

    private record Visited(BitSet placed, String state) {
    }

    /** The calls and returns of every operation in time order, as a doubly linked list after a head. */
    private static Entry eventList(List<RegisterOp> history) {
        record Event(long time, boolean call, int index) {
        }
        List<Event> events = new ArrayList<>(history.size() * 2);
        for (int i = 0; i < history.size(); i++) {
            events.add(new Event(history.get(i).invoked(), true, i));
            events.add(new Event(history.get(i).returned(), false, i));
        }
        // At equal times a return comes first: the stricter reading of "happened before".
        events.sort(Comparator.comparingLong(Event::time).thenComparing(Event::call));
        Entry head = new Entry(null, -1, true);
        Entry last = head;
        Entry[] calls = new Entry[history.size()];
        for (Event event : events) {
            Entry entry = new Entry(history.get(event.index()), event.index(), event.call());
            if (event.call()) {
                calls[event.index()] = entry;
            } else {
                entry.match = calls[event.index()];
                calls[event.index()].match = entry;
            }
            last.next = entry;
            entry.prev = last;
            last = entry;
        }
        return head;
    }

    /** A call or return event; a call is linked to its return. */
    private static final class Entry {
        final RegisterOp op;
        final int index;
        private final boolean call;
        Entry match;
        Entry prev;
        Entry next;

        Entry(RegisterOp op, int index, boolean call) {
            this.op = op;
            this.index = index;
            this.call = call;
        }

        boolean isCall() {
            return call;
        }

        /** Takes this call and its return out of the list: the operation is placed. */
        void lift() {
            prev.next = next;
            if (next != null) {
                next.prev = prev;
            }
            match.prev.next = match.next;
            if (match.next != null) {
                match.next.prev = match.prev;
            }
        }

        /** Puts them back, in reverse order of {@link #lift}. */
        void unlift() {
            match.prev.next = match;
            if (match.next != null) {
                match.next.prev = match;
            }
            prev.next = this;
            if (next != null) {
                next.prev = this;
            }
        }

        @Override
        public String toString() {
            return (call ? "call " : "return ") + index + " " + Objects.toString(op);
        }
    }
}

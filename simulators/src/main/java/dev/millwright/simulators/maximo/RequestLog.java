package dev.millwright.simulators.maximo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The last requests received on the Maximo API paths, and how many there were in all. */
final class RequestLog {
    private final int capacity;
    private final Deque<RecordedRequest> last = new ArrayDeque<>();
    private final AtomicLong count = new AtomicLong();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    void add(RecordedRequest request) {
        count.incrementAndGet();
        synchronized (last) {
            last.addLast(request);
            while (last.size() > capacity) {
                last.removeFirst();
            }
        }
    }

    /** Oldest first. */
    List<RecordedRequest> snapshot() {
        synchronized (last) {
            return new ArrayList<>(last);
        }
    }

    void clear() {
        synchronized (last) {
            last.clear();
        }
    }

    long count() {
        return count.get();
    }
}

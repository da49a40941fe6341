package dev.millwright.simulators.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The last requests received on a simulator's API paths, and how many there were in all. */
public final class RequestLog {
    private final int capacity;
    private final Deque<RecordedRequest> last = new ArrayDeque<>();
    private final AtomicLong count = new AtomicLong();

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public void add(RecordedRequest request) {
        count.incrementAndGet();
        synchronized (last) {
            last.addLast(request);
            while (last.size() > capacity) {
                last.removeFirst();
            }
        }
    }

    /** Oldest first. */
    public List<RecordedRequest> snapshot() {
        synchronized (last) {
            return new ArrayList<>(last);
        }
    }

    public void clear() {
        synchronized (last) {
            last.clear();
        }
    }

    public long count() {
        return count.get();
    }
}

package dev.recourse.store.events;

import dev.recourse.core.event.RecordedEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The streams read or written lately, so that the core's next command on a case need not read it again: the case
 * a notice opened is read back at once by the decision that follows.
 *
 * <p>It stays exact because events never change and a stream only grows: what was read or appended is a prefix of
 * the stream, kept until something longer replaces it. An append extends a cached stream if the stream held exactly
 * what is cached (the expected version the append was checked against); otherwise the cache notes how long the stream
 * is at least, so that a read that started before the append and ends after it is not taken for the current stream.
 * If another process appends to a stream, the cache may miss those events until this process's own append to the
 * stream conflicts, which forgets it; the core then reads it again. Erasure empties it, since erased events read back
 * differently.
 *
 * <p>A stream with an append in flight ({@link #appending} until {@link #settled}) is not served from the cache: the
 * append commits before its submitter takes it in, and in between another thread may have seen the new events (the
 * outbox reads every event as it commits) and MUST NOT then get the stream without them.
 *
 * <p>At most {@code capacity} streams. The cache is split into stripes by the streams' names, each with its own
 * lock and its share of the capacity, its least recently used stream leaving first: after a group commit every
 * submitter takes in its append and reads its stream back at once, and one lock for all of them made them queue.
 * Thread-safe.
 */
final class StreamCache {
    /** The fewest streams a stripe holds: below that the cache is one stripe, exactly least recently used. */
    private static final int STRIPE_CAPACITY = 256;
    private static final int MAX_STRIPES = 64;

    /** What is known of a stream: its events, or only that it holds at least {@code length} of them. */
    private record Known(List<RecordedEvent> events, long length) {
        boolean complete() {
            return events != null;
        }
    }

    /**
     * A stream's name with its hash mixed: a stripe is chosen by the high bits of the mixed hash and its map places
     * the stream by the low ones, which the mix makes independent of each other. (Streams' names differ in their last
     * characters, so their plain hashes differ in their low bits alone: one choice by the plain hash would leave the
     * streams of a stripe crowded in a few places of its map.)
     */
    private record Key(String name, int hash) {
        static Key of(String name) {
            int h = name.hashCode();
            h = (h ^ h >>> 16) * 0x85ebca6b;
            h = (h ^ h >>> 13) * 0xc2b2ae35;
            return new Key(name, h ^ h >>> 16);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The streams whose names fall in one stripe, least recently used first; used only under its own lock. */
    private static final class Stripe extends LinkedHashMap<Key, Known> {
        private final int capacity;
        /** How many appends to each stream are in flight; never evicted, unlike what is known of the streams. */
        private final Map<Key, Integer> inFlight = new HashMap<>();

        Stripe(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Known> eldest) {
            return size() > capacity;
        }
    }

    private final Stripe[] stripes;
    /** How many times the cache was emptied: a read that began before an erasure is not kept after it. */
    private volatile long erasures;

    StreamCache(int capacity) {
        int count = Math.clamp(capacity / STRIPE_CAPACITY, 1, MAX_STRIPES);
        this.stripes = new Stripe[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new Stripe(capacity / count);
        }
    }

    private Stripe stripe(Key stream) {
        return stripes[(int) ((stream.hash() & 0xffffffffL) * stripes.length >>> 32)];
    }

    /** The cached events of the stream {@code name}, if they are cached. */
    Optional<List<RecordedEvent>> get(String name) {
        Key stream = Key.of(name);
        Stripe streams = stripe(stream);
        synchronized (streams) {
            if (streams.inFlight.containsKey(stream)) {
                return Optional.empty();
            }
            Known known = streams.get(stream);
            return known != null && known.complete() ? Optional.of(known.events()) : Optional.empty();
        }
    }

    /** What to hand to {@link #read} for a read that begins now. */
    long epoch() {
        return erasures;
    }

    /**
     * Keeps {@code events}, read from the database in a read that began at {@code epoch}, unless the stream is known
     * to be longer or the cache was emptied since.
     */
    void read(String name, List<RecordedEvent> events, long epoch) {
        Key stream = Key.of(name);
        Stripe streams = stripe(stream);
        synchronized (streams) {
            // Under the stripe's lock: an erasure counts before it empties the stripes, so a read kept here after
            // the count was taken is emptied with its stripe.
            if (epoch != erasures) {
                return;
            }
            Known known = streams.get(stream);
            if (known == null || events.size() >= known.length() && !(known.complete() && known.events().size() > events.size())) {
                streams.put(stream, new Known(List.copyOf(events), events.size()));
            }
        }
    }

    /**
     * Takes in {@code events}, appended to the stream {@code name} after its version was checked to be {@code expectedVersion}.
     */
    void appended(String name, long expectedVersion, List<RecordedEvent> events) {
        long length = expectedVersion + events.size();
        List<RecordedEvent> appended = List.copyOf(events);
        Key stream = Key.of(name);
        Stripe streams = stripe(stream);
        synchronized (streams) {
            Known known = streams.get(stream);
            if (expectedVersion == 0) {
                streams.put(stream, new Known(appended, length));
            } else if (known != null && known.complete() && known.events().size() == expectedVersion) {
                List<RecordedEvent> longer = new ArrayList<>((int) length);
                longer.addAll(known.events());
                longer.addAll(appended);
                streams.put(stream, new Known(List.copyOf(longer), length));
            } else {
                streams.put(stream, new Known(null, length));
            }
        }
    }

    /**
     * Notes that an append to the stream {@code name} is about to be submitted: until it is {@link #settled}, the
     * stream is not served from the cache. Every call MUST be followed by one to {@link #settled}, after the append's
     * outcome was taken in ({@link #appended} or {@link #forget}).
     */
    void appending(String name) {
        Key stream = Key.of(name);
        Stripe streams = stripe(stream);
        synchronized (streams) {
            streams.inFlight.merge(stream, 1, Integer::sum);
        }
    }

    /** Notes that an append to the stream {@code name} {@link #appending announced} has ended, however it ended. */
    void settled(String name) {
        Key stream = Key.of(name);
        Stripe streams = stripe(stream);
        synchronized (streams) {
            Integer count = streams.inFlight.get(stream);
            if (count == null) {
                throw new IllegalStateException("no append to stream " + name + " is in flight");
            }
            if (count == 1) {
                streams.inFlight.remove(stream);
            } else {
                streams.inFlight.put(stream, count - 1);
            }
        }
    }

    /** Forgets the stream {@code name}: it changed in a way the cache did not see. */
    void forget(String name) {
        Key stream = Key.of(name);
        Stripe streams = stripe(stream);
        synchronized (streams) {
            streams.remove(stream);
        }
    }

    /** Forgets every stream, and every read begun before. */
    void clear() {
        synchronized (this) {
            erasures++;
        }
        for (Stripe streams : stripes) {
            synchronized (streams) {
                streams.clear();
            }
        }
    }
}

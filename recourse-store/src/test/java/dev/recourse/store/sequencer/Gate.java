package dev.recourse.store.sequencer;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A projection that holds the first transaction open until opened, so that a test can queue
 * writes that the next transaction then takes together.
 */
final class Gate implements Projection {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    @Override
    public void apply(Connection connection, List<RecordedEvent> events) {
        if (entered.getCount() > 0) {
            entered.countDown();
            await(open);
        }
    }

    /** Waits until the first transaction is held. */
    void awaitHeld() {
        await(entered);
    }

    void open() {
        open.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate waited 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

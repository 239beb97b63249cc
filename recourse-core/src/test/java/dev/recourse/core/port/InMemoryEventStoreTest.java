package dev.recourse.core.port;

class InMemoryEventStoreTest extends EventStoreContract {
    @Override
    protected EventStore emptyStore() {
        return new InMemoryEventStore();
    }
}

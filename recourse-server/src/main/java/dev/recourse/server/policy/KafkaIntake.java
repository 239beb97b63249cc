package dev.recourse.server.policy;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.ContentEvents;
import dev.recourse.server.http.shape.Fields;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Kafka consumer of event intake, for scale-out: every instance joins one consumer group, so each partition
 * (and, with events keyed by subject, each subject) is read by one instance. Values are content events in the JSON
 * of {@code POST /v1/events}' items.
 *
 * <p>At least once: the offsets of a batch are committed only after every event of it was processed by the
 * {@link RuleWorker}, whose writes are durable when it returns; a batch that fails is read again from its first
 * offsets. A redelivered event is a duplicate to the worker and does nothing. A value that is not a content event can
 * never become one: it is reported with its partition and offset, and skipped.
 */
public final class KafkaIntake implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    /** How long to wait before reading a failed batch again. */
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RuleWorker worker;
    private final InstantSource clock;
    private final Consumer<String> report;
    private final Thread thread;
    private volatile boolean running = true;

    private KafkaIntake(KafkaConsumer<byte[], byte[]> consumer, RuleWorker worker, InstantSource clock, Consumer<String> report) {
        this.consumer = consumer;
        this.worker = worker;
        this.clock = clock;
        this.report = report;
        this.thread = Thread.ofPlatform().name("recourse-kafka-intake").daemon(true).unstarted(this::run);
    }

    /**
     * Starts consuming {@code settings}' topic into {@code worker}.
     *
     * @param clock when events that do not say when they happened were received
     * @param report told of values that are not content events and of batches that failed, one line each
     */
    public static KafkaIntake start(KafkaSettings settings, RuleWorker worker, InstantSource clock, Consumer<String> report) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(settings.topic()));
        KafkaIntake intake = new KafkaIntake(consumer, worker, clock, report);
        intake.thread.start();
        return intake;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    process(records);
                    consumer.commitSync();
                } catch (RuntimeException | ExecutionException e) {
                    report.accept("Kafka intake: a batch of " + records.count() + " events failed, reading it again: " + e);
                    for (TopicPartition partition : records.partitions()) {
                        consumer.seek(partition, records.records(partition).getFirst().offset());
                    }
                    Thread.sleep(PAUSE);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** Processes {@code records}: events of one key in their order, events of different keys at the same time. */
    private void process(ConsumerRecords<byte[], byte[]> records) throws ExecutionException, InterruptedException {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            byKey.computeIfAbsent(r.key() == null ? "" : Arrays.toString(r.key()), k -> new ArrayList<>()).add(r);
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (List<ConsumerRecord<byte[], byte[]>> group : byKey.values()) {
                done.add(threads.submit(() -> group.forEach(this::handle)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        Validation<Json> value = record.value() == null
                ? new Validation.Invalid<>(List.of(new FieldError("$", "is a content event, not empty")))
                : Json.parseUtf8(record.value());
        List<FieldError> problems = switch (value) {
            case Validation.Valid<Json> v -> ContentEvents.EVENT.problems(v.value());
            case Validation.Invalid<Json> i -> i.errors();
        };
        if (!problems.isEmpty()) {
            report.accept("Kafka intake: skipped the value at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ", not a content event: " + problems);
            return;
        }
        worker.handle(ContentEvents.event(new Fields((Json.Obj) ((Validation.Valid<Json>) value).value()), clock.instant()));
    }

    /**
     * Stops consuming: the batch in progress is finished and committed first, so the wait is at most one batch and
     * one poll (half a second).
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}

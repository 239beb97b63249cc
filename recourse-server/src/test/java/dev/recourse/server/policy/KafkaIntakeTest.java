package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.policy.Scorer;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import dev.recourse.store.intake.IntakeSteps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka consumer against a real single-node Kafka broker (KRaft, combined broker and controller) in this JVM, on
 * the real database: duplicates and redeliveries act once.
 */
class KafkaIntakeTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));
    private static final String TOPIC = "content-events";
    private static final String GROUP = "recourse";
    private static final int PARTITIONS = 2;

    private static KafkaClusterTestKit kafka;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    private static void produce(List<Json.Obj> events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (Json.Obj event : events) {
                byte[] key = (event.get("subject") instanceof Json.Obj subject
                        ? ((Json.Str) subject.get("kind")).value() + "/" + ((Json.Str) subject.get("id")).value()
                        : "no subject").getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(TOPIC, key, CanonicalJson.utf8(event))).get();
            }
        }
    }

    private static long committed(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum();
    }

    @Test
    void duplicatesAndARedeliveryAfterARestartEachActOnce() throws Exception {
        RecourseStore store = RecourseStore.open(TestCases.settings(dir), CLOCK, new SecureRandom());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            RuleWorker worker = new RuleWorker(store, IntakeEvents.exampleBook(), Scorer.NONE, CLOCK);
            IntakeSteps steps = store.intakeSteps();
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), TOPIC, GROUP);
            List<String> reports = new CopyOnWriteArrayList<>();
            List<Json.Obj> first = new ArrayList<>(List.of(IntakeEvents.comment("k-1", "post-a", true),
                    IntakeEvents.comment("k-2", "post-b", true), IntakeEvents.comment("k-3", "post-c", false),
                    IntakeEvents.comment("k-1", "post-a", true)));
            produce(first);
            produce(List.of(Json.object().put("id", "broken").build()));

            try (KafkaIntake intake = KafkaIntake.start(settings, worker, CLOCK, reports::add)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin) == first.size() + 1);
            }
            assertThat(List.of("k-1", "k-2", "k-3")).allMatch(steps::processed);
            assertThat(reports).singleElement().asString().contains("not a content event");

            // The consumer stopped before it could commit: the group reads everything again after a restart.
            Map<TopicPartition, OffsetAndMetadata> start = new java.util.HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                start.put(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(GROUP, start).all().get();
            produce(List.of(IntakeEvents.comment("k-4", "post-d", true), IntakeEvents.comment("k-2", "post-b", true)));

            try (KafkaIntake intake = KafkaIntake.start(settings, worker, CLOCK, reports::add)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin) == first.size() + 3);
            }

            assertThat(steps.processed("k-4")).isTrue();
            assertThat(IntakeEvents.stored(store, CaseEvent.DetectionRecorded.class)).isEqualTo(3);
            assertThat(IntakeEvents.stored(store, CaseEvent.DecisionTaken.class)).isEqualTo(3);
        } finally {
            TestCases.close(store);
        }
    }
}

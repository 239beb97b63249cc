package dev.recourse.server.policy;

import java.util.Objects;

/**
 * Where the Kafka consumer of event intake reads: settings {@code kafka.bootstrap-servers}, {@code kafka.topic} and
 * {@code kafka.group-id} (docs/operations.md).
 *
 * @param bootstrapServers the brokers to start from, {@code host:port,...}
 * @param topic the topic of content events, keyed by subject
 * @param groupId the consumer group every instance of Recourse joins, so that each partition is read by one
 */
public record KafkaSettings(String bootstrapServers, String topic, String groupId) {
    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank() || topic.isBlank() || groupId.isBlank()) {
            throw new IllegalArgumentException("the brokers, the topic and the group are named");
        }
    }
}

package dev.recourse.core.policy;

import dev.recourse.core.subject.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something that happened on the platform, for rules to judge: a post published, a profile changed, a page renamed.
 *
 * @param id the platform's id of the event, by which a repeated event is recognised; 1 to 200 characters
 * @param type the event's type, e.g. {@code post.created}; rules name the types they apply to
 * @param subject what the event is about
 * @param texts the texts to search for keywords and patterns, by field name
 * @param hashes SHA-256 hashes of the content (images, files), compared with hash lists
 * @param attributes further facts for conditions: strings, longs, doubles, booleans, or lists of strings
 * @param at when it happened
 */
public record ContentEvent(String id, String type, Subject subject, Map<String, String> texts, Set<ContentHash> hashes,
        Map<String, Object> attributes, Instant at) {
    public ContentEvent {
        if (id.isEmpty() || id.length() > 200 || type.isEmpty() || type.length() > 100) {
            throw new IllegalArgumentException("an event has an id of 1 to 200 and a type of 1 to 100 characters");
        }
        texts = Map.copyOf(texts);
        hashes = Set.copyOf(hashes);
        attributes = Map.copyOf(attributes);
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            Object v = a.getValue();
            boolean scalar = v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean;
            boolean strings = v instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            if (!scalar && !strings) {
                throw new IllegalArgumentException("attribute " + a.getKey() + " is a string, long, double, boolean or list of"
                        + " strings, not " + v.getClass().getSimpleName());
            }
        }
    }
}

package dev.recourse.server.cli;

import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Public log entries for the demo: fictional moderation decisions shaped like the public part of a Recourse
 * decision (DESIGN.md, Public entry and receipt), as canonical JSON (RFC 8785). They hold no personal data: a
 * random pseudonymous case id, the statement's fields, and {@code commit}, a salted commitment
 * ({@link LogEntry#commit}) to a fictional private record whose salt is thrown away.
 */
final class DemoDecisions {
    /** How far apart the decisions of one run are in time. */
    private static final Duration APART = Duration.ofSeconds(97);

    /** The statement fields of each kind of decision, keyed by field name; values are strings or lists of them. */
    private static final List<Map<String, Object>> KINDS = List.of(
            Map.of("decided_by", List.of("rule:spam-links@3"),
                    "automated_detection", "Yes",
                    "automated_decision", "AUTOMATED_DECISION_FULLY",
                    "decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                    "incompatible_content_ground", "Community guidelines 4.2: deceptive links",
                    "category", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
                    "decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"),
                    "content_type", List.of("CONTENT_TYPE_TEXT"),
                    "source_type", "SOURCE_VOLUNTARY"),
            Map.of("decided_by", List.of("reviewer:r-0417"),
                    "automated_detection", "No",
                    "automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED",
                    "decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT",
                    "illegal_content_legal_ground", "Fictional Example Act, section 12 (incitement)",
                    "category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
                    "decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"),
                    "territorial_scope", List.of("AT", "DE"),
                    "content_type", List.of("CONTENT_TYPE_TEXT"),
                    "source_type", "SOURCE_ARTICLE_16"),
            Map.of("decided_by", List.of("classifier:imagery@7", "reviewer:r-0233"),
                    "automated_detection", "Yes",
                    "automated_decision", "AUTOMATED_DECISION_PARTIALLY",
                    "decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                    "incompatible_content_ground", "Community guidelines 6.1: adult imagery",
                    "category", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
                    "decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED"),
                    "content_type", List.of("CONTENT_TYPE_IMAGE"),
                    "source_type", "SOURCE_VOLUNTARY"),
            Map.of("decided_by", List.of("reviewer:r-0102", "reviewer:r-0388"),
                    "automated_detection", "No",
                    "automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED",
                    "decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT",
                    "illegal_content_legal_ground", "Fictional Trade Mark Regulation, article 9",
                    "category", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
                    "decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"),
                    "content_type", List.of("CONTENT_TYPE_PRODUCT"),
                    "source_type", "SOURCE_TRUSTED_FLAGGER"),
            Map.of("decided_by", List.of("reviewer:r-0150", "reviewer:r-0291"),
                    "automated_detection", "No",
                    "automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED",
                    "decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                    "incompatible_content_ground", "Terms of service 7.1: impersonation",
                    "category", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
                    "decision_account", "DECISION_ACCOUNT_SUSPENDED",
                    "content_type", List.of("CONTENT_TYPE_OTHER"),
                    "source_type", "SOURCE_TYPE_OTHER_NOTIFICATION"),
            Map.of("decided_by", List.of("rule:self-harm-label@2"),
                    "automated_detection", "Yes",
                    "automated_decision", "AUTOMATED_DECISION_FULLY",
                    "decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                    "incompatible_content_ground", "Community guidelines 9.3: a label pointing to help",
                    "category", "STATEMENT_CATEGORY_SELF_HARM",
                    "decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_LABELLED"),
                    "content_type", List.of("CONTENT_TYPE_VIDEO"),
                    "source_type", "SOURCE_VOLUNTARY"));

    private DemoDecisions() {}

    /**
     * {@code count} decisions numbered from {@code first}, the last made at {@code now}, drawing case ids and
     * commitment salts from {@code random}.
     */
    static List<byte[]> make(long first, int count, Instant now, RandomGenerator random) {
        Instant last = now.truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> decisions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long number = first + i;
            Json.ObjBuilder entry = Json.object()
                    .put("type", "decision.made")
                    .put("puid", "demo-" + number)
                    .put("time", last.minus(APART.multipliedBy(count - 1 - i)).toString())
                    .put("case", "case-" + HexFormat.of().formatHex(bytes(random, 8)));
            KINDS.get((int) (number % KINDS.size())).forEach((name, value) -> entry.put(name, switch (value) {
                case String text -> Json.of(text);
                case List<?> texts -> Json.strings(texts.stream().map(String.class::cast).toList());
                default -> throw new IllegalArgumentException("a demo field is a string or a list of them: " + name);
            }));
            byte[] privateRecord = CanonicalJson.utf8(Json.object()
                    .put("puid", "demo-" + number)
                    .put("note", "a fictional private record: in Recourse, the whole event with its personal data")
                    .build());
            entry.put("commit", HexFormat.of().formatHex(LogEntry.commit(bytes(random, LogEntry.SALT_BYTES), privateRecord)));
            decisions.add(CanonicalJson.utf8(entry.build()));
        }
        return decisions;
    }

    private static byte[] bytes(RandomGenerator random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

package dev.recourse.server.cli;

import dev.recourse.tlog.Canonical;
import dev.recourse.tlog.merkle.Merkle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Public log entries for the demo: fictional moderation decisions shaped like the public part of a Recourse
 * decision (DESIGN.md, Public entry and receipt), as canonical JSON (RFC 8785: keys sorted, no spaces). They
 * hold no personal data: a random pseudonymous case id, and a commitment to a private record that exists
 * nowhere.
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
            Map<String, Object> fields = new TreeMap<>(KINDS.get((int) (number % KINDS.size())));
            fields.put("type", "decision.made");
            fields.put("puid", "demo-" + number);
            fields.put("time", last.minus(APART.multipliedBy(count - 1 - i)).toString());
            fields.put("case", "case-" + HexFormat.of().formatHex(bytes(random, 8)));
            fields.put("commit", commitment(bytes(random, 32), "the private record of demo decision " + number));
            decisions.add(json(fields).getBytes(StandardCharsets.UTF_8));
        }
        return decisions;
    }

    /** {@code SHA-256(salt || private record)}, in base64: what the log holds in place of the private record. */
    private static String commitment(byte[] salt, String privateRecord) {
        MessageDigest sha256 = Merkle.newDigest();
        sha256.update(salt);
        return Canonical.base64(sha256.digest(privateRecord.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(RandomGenerator random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** An object with sorted keys whose values are strings or lists of strings, without whitespace. */
    private static String json(Map<String, Object> sortedFields) {
        StringBuilder json = new StringBuilder("{");
        sortedFields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name).append(':');
            switch (value) {
                case String text -> string(json, text);
                case List<?> list -> {
                    json.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        string(json.append(i == 0 ? "" : ","), (String) list.get(i));
                    }
                    json.append(']');
                }
                default -> throw new IllegalArgumentException("a demo field is a string or a list: " + name);
            }
        });
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}

package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.Keyword;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.ProtectedMark;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A realistic synthetic workload for the policy engine, the same for {@code recourse bench rules} and the JMH
 * benchmark: a policy of R rules over four event types (CEL conditions over the subject and attributes, five keyword
 * lists of 10,000 Latin, Persian and Arabic terms in all, three pattern lists, two hash lists of 5,000 hashes) and
 * events of a platform: posts and comments of 10 to 30 words in English, Persian or Arabic, profile updates and
 * messages, where about 3% carry a listed term, 2% a shortened link, and a third of the posts an image whose hash is
 * listed one time in two hundred. Everything is drawn from the given random source, so a seed repeats a workload.
 */
public final class RuleLoad {
    /** The event types, and how often each comes, in percent. */
    public static final List<String> EVENT_TYPES = List.of("post.created", "comment.created", "profile.updated", "message.sent");
    private static final int[] TYPE_PERCENT = {45, 35, 10, 10};
    /** Terms in all keyword lists together. */
    public static final int TERMS = 10_000;
    private static final int KEYWORD_LISTS = 5;
    private static final int HASHES_PER_LIST = 5_000;
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static final String[] LATIN_SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "za", "bel", "cor", "dan",
        "fen", "gar", "hol", "jun", "kri", "lun", "mor", "nix", "pra", "qui", "ros", "sul", "tre", "und", "vor", "wex"};
    private static final char[] PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی".toCharArray();
    private static final char[] ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".toCharArray();
    private static final String[] WORDS = {"the", "a", "today", "friends", "market", "city", "weather", "match", "music", "school",
        "news", "photo", "coffee", "train", "happy", "birthday", "meeting", "project", "river", "garden", "سلام", "دوستان",
        "امروز", "خبر", "هوا", "بازار", "مدرسه", "کتاب", "مرحبا", "اليوم", "أصدقاء", "السوق", "المدينة", "الطقس", "مباراة"};

    private final Policy policy;
    private final List<String> terms;
    private final List<ContentHash> listedHashes;

    private RuleLoad(Policy policy, List<String> terms, List<ContentHash> listedHashes) {
        this.policy = policy;
        this.terms = terms;
        this.listedHashes = listedHashes;
    }

    /** A workload whose policy has {@code rules} rules, at least 1. */
    public static RuleLoad of(int rules, RandomGenerator random) {
        if (rules < 1) {
            throw new IllegalArgumentException("a workload has at least one rule, not " + rules);
        }
        List<String> terms = terms(random);
        List<MatchList> lists = new ArrayList<>();
        int perList = TERMS / KEYWORD_LISTS;
        for (int k = 0; k < KEYWORD_LISTS; k++) {
            lists.add(new MatchList.Keywords(new Versioned("terms-" + k, "1"), terms.subList(k * perList, (k + 1) * perList)));
        }
        lists.add(new MatchList.Patterns(new Versioned("links-0", "1"), List.of("bit\\.ly/[a-z0-9]{4,}", "tinyurl\\.com/[a-z0-9]+"), 100_000));
        lists.add(new MatchList.Patterns(new Versioned("links-1", "1"), List.of("\\b[a-z0-9-]+\\.(?:xyz|top|click)/\\S*"), 100_000));
        lists.add(new MatchList.Patterns(new Versioned("wallets", "1"), List.of("\\b(?:bc1|[13])[a-hj-np-z0-9]{25,39}\\b", "\\b0x[0-9a-f]{40}\\b"), 100_000));
        List<ContentHash> listed = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            Set<ContentHash> hashes = new LinkedHashSet<>();
            while (hashes.size() < HASHES_PER_LIST) {
                hashes.add(hash(random));
            }
            listed.addAll(hashes);
            lists.add(new MatchList.Hashes(new Versioned("images-" + h, "1"), hashes));
        }
        List<Rule> all = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            all.add(rule(r));
        }
        return new RuleLoad(new Policy(new Versioned("bench", "1"), lists, List.of(), all), terms, listed);
    }

    /** The policy. */
    public Policy policy() {
        return policy;
    }

    /** {@code count} events, drawn from {@code random}. */
    public List<ContentEvent> events(int count, RandomGenerator random) {
        List<ContentEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(i, random));
        }
        return events;
    }

    private ContentEvent event(int i, RandomGenerator random) {
        int roll = random.nextInt(100);
        int t = 0;
        for (int sum = TYPE_PERCENT[0]; roll >= sum; sum += TYPE_PERCENT[++t]) { }
        String type = EVENT_TYPES.get(t);
        boolean account = type.equals("profile.updated");
        Subject subject = new Subject(new SubjectRef(account ? SubjectKind.ACCOUNT : SubjectKind.CONTENT, "s-" + i),
                new AccountId("u-" + random.nextInt(1_000_000)), (long) Math.pow(10, random.nextDouble() * 6),
                new LanguageCode(random.nextBoolean() ? "en" : "fa"), new CountryCode("DE"),
                random.nextInt(1000) == 0 ? Optional.of(ProtectedMark.JOURNALIST) : Optional.empty(), LocalDate.of(2026, 1, 1), Optional.empty());
        StringBuilder text = new StringBuilder();
        int words = 10 + random.nextInt(21);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(100) < 3) {
            text.append(' ').append(terms.get(random.nextInt(terms.size())));
        }
        if (random.nextInt(100) < 2) {
            text.append(" bit.ly/").append(Long.toString(random.nextLong() >>> 20, 36));
        }
        Set<ContentHash> hashes = Set.of();
        if (type.equals("post.created") && random.nextInt(3) == 0) {
            hashes = Set.of(random.nextInt(200) == 0 ? listedHashes.get(random.nextInt(listedHashes.size())) : hash(random));
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("links", (long) random.nextInt(random.nextInt(10) == 0 ? 20 : 3));
        attributes.put("accountAgeDays", (long) random.nextInt(3000));
        attributes.put("reports", (long) (random.nextInt(50) == 0 ? random.nextInt(30) : 0));
        return new ContentEvent("ev-" + i, type, subject, Map.of(account ? "bio" : "body", text.toString()), hashes, attributes, AT);
    }

    /** Rule {@code r}: one of eight kinds in turn, each with its own event types and lists. */
    private static Rule rule(int r) {
        int k = r % KEYWORD_LISTS;
        String kw = "terms-" + k;
        return switch (r % 8) {
            case 0 -> rule(r, List.of("post.created", "comment.created"), List.of(kw),
                    "size(lists['" + kw + "']) >= 1 && subject.reach < 100000", RuleMode.ENFORCE);
            case 1 -> rule(r, List.of("post.created", "comment.created", "message.sent"), List.of(kw, "links-0"),
                    "'" + kw + "' in lists && 'links-0' in lists", RuleMode.ENFORCE);
            case 2 -> rule(r, List.of("post.created"), List.of("images-" + (r / 8 % 2)), "!subject.protected", RuleMode.ENFORCE);
            case 3 -> rule(r, List.of(EVENT_TYPES.get(r / 8 % 4)), List.of(),
                    "event.attributes['links'] > 12 && event.attributes['accountAgeDays'] < 30", RuleMode.PROPOSE);
            case 4 -> rule(r, List.of("profile.updated"), List.of("links-1", "wallets"),
                    "subject.reach > 10 || event.attributes['reports'] > 3", RuleMode.SHADOW);
            case 5 -> rule(r, List.of(EVENT_TYPES.get((r / 8 + 1) % 4)), List.of(),
                    "event.attributes['reports'] > 20 && subject.reach < 5000", RuleMode.PROPOSE);
            case 6 -> rule(r, List.of("comment.created", "message.sent"), List.of(kw, "wallets"),
                    "'wallets' in lists || size(lists['" + kw + "']) > 1", RuleMode.SHADOW);
            default -> rule(r, List.of("post.created", "comment.created"), List.of(kw),
                    "'" + kw + "' in lists && subject.language == 'fa' && event.attributes['accountAgeDays'] < 90", RuleMode.ENFORCE);
        };
    }

    private static Rule rule(int r, List<String> types, List<String> lists, String condition, RuleMode mode) {
        boolean account = r % 8 == 4;
        Measure measure = account ? new Measure.Account(DecisionAccount.DECISION_ACCOUNT_SUSPENDED)
                : new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty());
        StatementTemplate statement = new StatementTemplate(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT, Optional.empty(),
                Optional.of("Community guidelines, section " + (r % 9 + 1)), "The content contains {matches}.",
                "Rule {rule} matched event {event.id} about {subject}.", Category.STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
                Set.of(Keyword.KEYWORD_PHISHING), Set.of(ContentType.CONTENT_TYPE_TEXT), Optional.empty());
        return new Rule(new Versioned("rule-" + r, "1"), Set.copyOf(types), condition, lists, List.of(),
                new Action(List.of(measure), Optional.of(Duration.ofDays(30)), TerritorialScope.EVERYWHERE), mode, statement,
                Safeguards.DEFAULT, OnFailure.NO_DECISION);
    }

    /** Ten thousand distinct terms: a third each Latin, Persian and Arabic, of one to three words. */
    private static List<String> terms(RandomGenerator random) {
        Set<String> terms = new LinkedHashSet<>();
        while (terms.size() < TERMS) {
            int script = terms.size() % 3;
            int words = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
            StringBuilder term = new StringBuilder();
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    term.append(' ');
                }
                int length = 2 + random.nextInt(3);
                for (int c = 0; c < length; c++) {
                    switch (script) {
                        case 0 -> term.append(LATIN_SYLLABLES[random.nextInt(LATIN_SYLLABLES.length)]);
                        case 1 -> term.append(PERSIAN[random.nextInt(PERSIAN.length)]).append(PERSIAN[random.nextInt(PERSIAN.length)]);
                        default -> term.append(ARABIC[random.nextInt(ARABIC.length)]).append(ARABIC[random.nextInt(ARABIC.length)]);
                    }
                }
            }
            terms.add(term.toString());
        }
        return List.copyOf(terms);
    }

    private static ContentHash hash(RandomGenerator random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new ContentHash(HexFormat.of().formatHex(bytes));
    }
}

package dev.recourse.server.delivery;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.event.Topic;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.port.Notifier.Message;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.server.page.PageLinks;
import java.net.URI;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Writes messages to people in their language, from the texts in the resource bundles {@code mail_en.properties},
 * {@code mail_de.properties}, ... beside this class: what happened, and the link to the person's own page (the
 * affected person's page of the decision; the notifier's page of their notice).
 *
 * <p>A person is addressed in the language of the case's subject (the language its owner uses); where Recourse has
 * no texts in that language, or the message concerns no case, in English.
 *
 * <p>A person whose decision a recall undid is told the recall's own reasons and apology, as the lift recorded them;
 * the fixed apology of the bundle only for lifts recorded before recalls carried their texts.
 */
public final class Letters {
    /** The languages Recourse writes messages in. */
    public static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "fa");
    /** The language of a message when the person's is not one of {@link #LANGUAGES} or not known. */
    public static final LanguageCode FALLBACK = new LanguageCode("en");
    private static final String BUNDLE = "dev.recourse.server.delivery.mail";

    private final Function<CaseId, Optional<LanguageCode>> caseLanguage;
    private final Function<StreamId, Optional<LanguageCode>> streamLanguage;
    private final BiFunction<CaseId, DecisionId, Optional<LiftCause.Recalled>> recalled;
    private final PageLinks links;

    /**
     * Letters that address people in the language {@code caseLanguage} gives for a case, linking with {@code links};
     * {@code recalled} gives the recall that undid a decision of a case, as its lift recorded it.
     */
    public Letters(Function<CaseId, Optional<LanguageCode>> caseLanguage,
            BiFunction<CaseId, DecisionId, Optional<LiftCause.Recalled>> recalled, PageLinks links) {
        this(caseLanguage, null, recalled, links);
    }

    /** @param streamLanguage the language a case's stream gives; null where the case is always looked up */
    private Letters(Function<CaseId, Optional<LanguageCode>> caseLanguage, Function<StreamId, Optional<LanguageCode>> streamLanguage,
            BiFunction<CaseId, DecisionId, Optional<LiftCause.Recalled>> recalled, PageLinks links) {
        this.caseLanguage = caseLanguage;
        this.streamLanguage = streamLanguage;
        this.recalled = recalled;
        this.links = links;
    }

    /** Letters as {@link #Letters(Function, BiFunction, PageLinks)} for cases no recall undid. */
    public Letters(Function<CaseId, Optional<LanguageCode>> caseLanguage, PageLinks links) {
        this(caseLanguage, (caseId, decision) -> Optional.empty(), links);
    }

    /**
     * Letters for the cases of {@code events}: a case's language is its subject's, as last described in the case's
     * stream, which {@code caseStream} finds (a look-up that {@link #write(Message, StreamId)} spares the messages
     * recorded in their case's own stream).
     */
    public static Letters of(EventStore events, Function<CaseId, Optional<StreamId>> caseStream, PageLinks links) {
        Function<StreamId, Optional<LanguageCode>> streamLanguage = stream -> language(events.read(stream));
        return new Letters(id -> caseStream.apply(id).flatMap(streamLanguage), streamLanguage,
                (id, decision) -> caseStream.apply(id).flatMap(stream -> recall(events.read(stream), decision)), links);
    }

    /** The recall that lifted a restriction of {@code decision} among {@code stream}, if one did. */
    private static Optional<LiftCause.Recalled> recall(List<RecordedEvent> stream, DecisionId decision) {
        return stream.reversed().stream()
                .map(RecordedEvent::event)
                .<LiftCause.Recalled>mapMulti((event, found) -> {
                    if (event instanceof CaseEvent.RestrictionLifted lifted && lifted.decision().equals(decision)
                            && lifted.cause() instanceof LiftCause.Recalled r) {
                        found.accept(r);
                    }
                })
                .findFirst();
    }

    private static Optional<LanguageCode> language(List<RecordedEvent> stream) {
        return stream.reversed().stream()
                .map(RecordedEvent::event)
                .<LanguageCode>mapMulti((event, found) -> {
                    if (event instanceof CaseEvent.SubjectDescribed described) {
                        found.accept(described.subject().language());
                    }
                })
                .findFirst();
    }

    /**
     * These letters, remembering each case's language once looked up: for the messages of one batch, which MUST NOT
     * outlive it (a subject described anew later changes its language). Not thread-safe.
     */
    public Letters remembering() {
        Map<CaseId, Optional<LanguageCode>> known = new HashMap<>();
        Map<StreamId, Optional<LanguageCode>> knownStreams = new HashMap<>();
        return new Letters(id -> known.computeIfAbsent(id, caseLanguage),
                streamLanguage == null ? null : stream -> knownStreams.computeIfAbsent(stream, streamLanguage), recalled, links);
    }

    /** {@code message} as its recipient reads it. */
    public Letter write(Message message) {
        return write(message, message.caseId().flatMap(caseLanguage));
    }

    /**
     * {@code message}, from an event recorded in {@code recordedIn}, as its recipient reads it: the same letter as
     * {@link #write(Message)}. A case's events are recorded in its subject's stream, the one that describes the subject
     * with its language; so a message about a case from an event in a case's stream takes the language from that
     * stream, without looking the case up.
     */
    public Letter write(Message message, StreamId recordedIn) {
        if (streamLanguage == null || message.caseId().isEmpty() || recordedIn.kind() != StreamId.Kind.CASE) {
            return write(message);
        }
        return write(message, streamLanguage.apply(recordedIn));
    }

    private Letter write(Message message, Optional<LanguageCode> known) {
        LanguageCode language = known.filter(l -> LANGUAGES.contains(l.value())).orElse(FALLBACK);
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, Locale.of(language.value()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Optional<URI> link = link(message);
        String topic = message.topic().name().toLowerCase(Locale.ROOT);
        String audience = switch (message.recipient()) {
            case Recipient.Owner ignored -> "owner.";
            case Recipient.NoticeSender ignored -> "sender.";
            case Recipient.Notifier ignored -> "notifier.";
        };
        // A topic has one text for everyone, unless the bundle words it for this audience (audience.topic.text).
        Function<String, String> text = key -> texts.getString(texts.containsKey(audience + key) ? audience + key : key);
        StringBuilder body = new StringBuilder()
                .append(texts.getString("greeting")).append("\n\n")
                .append(recalledWords(message).map(r -> MessageFormat.format(texts.getString("recalled.words.text"),
                        r.reasons().orElse(""), r.apology().orElseThrow())).orElseGet(() -> text.apply(topic + ".text")))
                .append("\n\n");
        link.ifPresent(l -> body.append(MessageFormat.format(texts.getString("link"), l.toString())).append("\n\n"));
        body.append(texts.getString("signature")).append("\n");
        return new Letter(language, text.apply(topic + ".subject"), body.toString(), link);
    }

    /** For a message about a recall, the recall as the lift recorded it, if it recorded its apology. */
    private Optional<LiftCause.Recalled> recalledWords(Message message) {
        if (message.topic() != Topic.RECALLED || message.caseId().isEmpty() || message.decision().isEmpty()) {
            return Optional.empty();
        }
        return recalled.apply(message.caseId().get(), message.decision().get()).filter(r -> r.apology().isPresent());
    }

    /** The person's page about {@code message}: the decision's for the affected person, the notice's for its sender. */
    private Optional<URI> link(Message message) {
        return switch (message.recipient()) {
            case Recipient.Owner ignored -> message.decision().map(links::decisionPage);
            case Recipient.NoticeSender sender -> Optional.of(links.noticePage(sender.notice()));
            case Recipient.Notifier ignored -> Optional.empty();
        };
    }
}

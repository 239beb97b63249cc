package dev.recourse.server.delivery;

import dev.recourse.core.decision.Restriction;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.port.ActionSink.PlatformAction;
import dev.recourse.core.port.Notifier.Message;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.server.http.RestrictionJson;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The bodies of deliveries. A webhook's body is a Standard Webhooks payload, {@code {"type", "timestamp", "data"}},
 * in canonical JSON; docs/webhooks.md describes each type. An e-mail is kept as JSON of its address, subject and text.
 */
final class Payloads {
    private Payloads() {}

    /** The webhook type of {@code action}: {@code action.apply} or {@code action.lift}. */
    static String type(PlatformAction action) {
        return switch (action) {
            case PlatformAction.Apply ignored -> "action.apply";
            case PlatformAction.Lift ignored -> "action.lift";
        };
    }

    /** The webhook type of a message: {@code message.} and its topic, {@code message.decision}. */
    static String type(Message message) {
        return "message." + message.topic().name().toLowerCase(Locale.ROOT);
    }

    /** The body of the webhook that delivers {@code action}, delivery {@code id}, asked for by the event at {@code position}. */
    static byte[] action(UUID id, long position, Instant at, PlatformAction action) {
        Json.ObjBuilder restriction = Json.object();
        switch (action) {
            case PlatformAction.Apply apply -> restriction(restriction, apply.restriction());
            case PlatformAction.Lift lift -> restriction.put("id", lift.restriction().toString());
        }
        Json.Obj data = Json.object()
                .put("id", id.toString())
                .put("position", Json.of(position))
                .put("subject", subject(action.subject()))
                .put("restriction", restriction.build())
                .build();
        return envelope(type(action), at, data);
    }

    /** The body of the webhook that hands {@code message}, written as {@code letter}, to the platform for in-app delivery. */
    static byte[] inApp(UUID id, long position, Instant at, Message message, Letter letter) {
        Json.ObjBuilder data = Json.object()
                .put("id", id.toString())
                .put("position", Json.of(position))
                .put("recipient", recipient(message.recipient()))
                .put("topic", message.topic().name().toLowerCase(Locale.ROOT));
        message.caseId().ifPresent(c -> data.put("case", c.toString()));
        message.decision().ifPresent(d -> data.put("decision", d.toString()));
        message.appeal().ifPresent(a -> data.put("appeal", a.toString()));
        data.put("language", letter.language().value())
                .put("subject", letter.subject())
                .put("text", letter.text());
        letter.link().ifPresent(l -> data.put("link", l.toString()));
        return envelope(type(message), at, data.build());
    }

    /** An e-mail of {@code letter} to {@code to}, as the queue keeps it. */
    static byte[] email(Contact to, Letter letter) {
        return CanonicalJson.utf8(Json.object()
                .put("to", to.email())
                .put("name", to.name())
                .put("language", letter.language().value())
                .put("subject", letter.subject())
                .put("text", letter.text())
                .build());
    }

    private static byte[] envelope(String type, Instant at, Json.Obj data) {
        return CanonicalJson.utf8(Json.object().put("type", type).put("timestamp", at.toString()).put("data", data).build());
    }

    private static Json recipient(Recipient recipient) {
        return switch (recipient) {
            case Recipient.Owner owner -> Json.object().put("account", owner.account().value()).build();
            case Recipient.NoticeSender sender -> {
                Json.ObjBuilder obj = Json.object().put("notice", sender.notice().toString());
                switch (sender.source()) {
                    case NoticeSource.User user -> obj.put("notifier", user.notifier().value());
                    case NoticeSource.TrustedFlagger flagger -> obj.put("notifier", flagger.notifier().value());
                    case NoticeSource.FromAuthority authority -> obj.put("authorityRequest", authority.request().toString());
                }
                yield obj.build();
            }
            case Recipient.Notifier notifier -> Json.object().put("notifier", notifier.notifier().value()).build();
        };
    }

    private static Json subject(SubjectRef ref) {
        return Json.object().put("kind", ref.kind().name().toLowerCase(Locale.ROOT)).put("id", ref.platformId()).build();
    }

    private static void restriction(Json.ObjBuilder obj, Restriction r) {
        obj.put("id", r.id().toString());
        RestrictionJson.effect(obj, r.measure(), r.scope());
        r.endsAt().ifPresent(t -> obj.put("endsAt", t.toString()));
    }
}

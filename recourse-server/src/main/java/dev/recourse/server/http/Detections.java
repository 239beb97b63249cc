package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.matching;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;

import dev.recourse.core.FieldError;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.process.DueProcess;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.util.List;

/**
 * {@code POST /v1/detections}: an automated signal about a subject (a rule or list matched, a classifier scored it),
 * recorded in the subject's case so that a decision can name it as its source.
 */
public final class Detections {
    /** A classifier's score: a number from 0 to 1. */
    private static final Shape SCORE = new Shape.Delegated(Json.object().put("type", "number").put("minimum", Json.of(0))
            .put("maximum", Json.of(1)).put("description", "The classifier's score, from 0 to 1.").build(), Detections::checkScore);

    /** A detection. */
    static final Shape DETECTION = object("An automated signal about a subject.",
            required("subject", Subjects.SUBJECT),
            required("signal", object("What matched or scored: a rule, a list, or a classifier (with its score).",
                    required("kind", choice("What produced the signal.", List.of("rule", "list", "classifier"))),
                    required("name", matching("[A-Za-z0-9._/-]{1,128}", 128, "Its name.")),
                    required("version", matching("[A-Za-z0-9._+-]{1,64}", 64, "Its version.")),
                    optional("score", SCORE))));

    /** What a detection answers. */
    static final Shape.Obj RECORDED = object("The detection as recorded.",
            required("detection", Commands.ID),
            required("case", Commands.ID),
            required("detectedAt", formatted(Format.DATE_TIME, 40, "When it was recorded.")),
            Commands.POSITION,
            Commands.RECEIPT);

    /** The body of a batch of detections. */
    static final Shape DETECTIONS = Batches.of(DETECTION, "Up to " + Batches.MAX_ITEMS + " detections, each recorded on its own.");

    /** What a batch of detections answers. */
    static final Shape.Obj DETECTIONS_RECORDED = Batches.answered(RECORDED);

    private final DueProcess process;

    /** The detections of {@code process}. */
    public Detections(DueProcess process) {
        this.process = process;
    }

    /** {@code POST /v1/detections}: records an automated signal. */
    public Answer record(Call call) {
        Fields body = call.body();
        Fields signal = body.object("signal");
        String kind = signal.text("kind");
        if (kind.equals("classifier") != signal.has("score")) {
            return call.answer(Problems.invalid(List.of(new FieldError("$.signal.score",
                    kind.equals("classifier") ? "is required for a classifier" : "is only for a classifier"))));
        }
        Versioned what = new Versioned(signal.text("name"), signal.text("version"));
        Signal recorded = switch (kind) {
            case "rule" -> new Signal.RuleMatch(what);
            case "list" -> new Signal.ListMatch(what);
            default -> new Signal.ClassifierScore(what, ((Json.Num) signal.json("score")).value());
        };
        Command.RecordDetection command = new Command.RecordDetection(Subjects.subject(body.object("subject")), recorded);
        return Commands.carryOut(process, call, command, field -> "$." + field, events -> {
            Commands.Stored<CaseEvent.DetectionRecorded> stored = Commands.first(events, CaseEvent.DetectionRecorded.class).orElseThrow();
            CaseEvent.DetectionRecorded d = stored.event();
            return Answer.json(201, stored.logged(Json.object()
                            .put("detection", d.detection().id().toString())
                            .put("case", d.caseId().toString())
                            .put("detectedAt", d.at().toString())).build())
                    .withHeader("Location", "/v1/cases/" + d.caseId());
        });
    }

    /** {@code POST /v1/detections:batch}: records each detection of the batch as {@link #record} would. */
    public Answer recordAll(Call call) throws Exception {
        return Batches.run(call, DETECTION, this::record);
    }

    private static void checkScore(Json value, JsonPath at, List<FieldError> errors) {
        if (!(value instanceof Json.Num num) || !(num.value() >= 0 && num.value() <= 1)) {
            errors.add(Shape.error(at, "is a number from 0 to 1"));
        }
    }
}

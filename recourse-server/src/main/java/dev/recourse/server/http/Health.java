package dev.recourse.server.http;

import dev.recourse.core.json.Json;
import dev.recourse.store.ledger.LedgerProgress;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: whether the service can do its work. 200 when the database answers and the log is not
 * failed; 503 otherwise, so that a load balancer stops sending requests. The body says which part is wrong.
 */
public final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    private static final int TIMEOUT_SECONDS = 2;

    /** What {@link #check} answers. */
    static final Shape.Obj HEALTH = Shape.object("The service's health.",
            Shape.required("status", Shape.choice("up: it works; down: a part is wrong, see which.", List.of("up", "down"))),
            Shape.required("database", Shape.object("The database.",
                    Shape.required("reachable", Shape.flag("Whether it answered within two seconds.")))),
            Shape.required("ledger", Shape.object("The transparency log's integrator.",
                    Shape.required("state", Shape.choice("What it is doing; failed means the log and the database disagree"
                            + " and an operator must look.", Arrays.stream(LedgerProgress.State.values())
                            .map(st -> st.name().toLowerCase(Locale.ROOT)).toList())),
                    Shape.required("logSize", Shape.whole(0, Json.Num.MAX_EXACT, "Entries in the last signed checkpoint.")),
                    Shape.required("databaseHead", Shape.whole(0, Json.Num.MAX_EXACT, "Events committed, when last looked.")),
                    Shape.required("lag", Shape.whole(0, Json.Num.MAX_EXACT, "Committed events not yet in the log.")),
                    Shape.optional("lastCheckpointAt", Shape.formatted(Format.DATE_TIME, 40, "When the last checkpoint was signed.")),
                    Shape.optional("problem", Shape.prose(1, 100_000, "The last error it met.")))));

    private final DataSource database;
    private final Supplier<LedgerProgress> ledger;

    /** The health of {@code database} and of the log {@code ledger} reports on. */
    public Health(DataSource database, Supplier<LedgerProgress> ledger) {
        this.database = database;
        this.ledger = ledger;
    }

    /** The health of the service, as JSON. */
    public Answer check(Call call) {
        boolean reachable = reachable();
        LedgerProgress progress = ledger.get();
        boolean logWorks = progress.state() != LedgerProgress.State.FAILED && progress.state() != LedgerProgress.State.STOPPED;
        Json.ObjBuilder log = Json.object()
                .put("state", progress.state().name().toLowerCase(Locale.ROOT))
                .put("logSize", Json.of(progress.logSize()))
                .put("databaseHead", Json.of(progress.databaseHead()))
                .put("lag", Json.of(progress.lag()));
        progress.lastCheckpointAt().ifPresent(at -> log.put("lastCheckpointAt", at.toString()));
        progress.problem().ifPresent(problem -> log.put("problem", problem));
        Json.Obj body = Json.object()
                .put("status", reachable && logWorks ? "up" : "down")
                .put("database", Json.object().put("reachable", Json.of(reachable)).build())
                .put("ledger", log.build())
                .build();
        return Answer.json(reachable && logWorks ? 200 : 503, body).withHeader("Cache-Control", "no-store");
    }

    private boolean reachable() {
        try (Connection c = database.getConnection()) {
            return c.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.warn("the database is unreachable: {}", e.getMessage());
            return false;
        }
    }
}

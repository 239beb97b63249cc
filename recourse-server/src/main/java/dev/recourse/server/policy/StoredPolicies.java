package dev.recourse.server.policy;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.policy.ContentHash;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.core.policy.CompiledPolicy;
import dev.recourse.core.policy.Policy;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.core.policy.PolicyCompiler;
import dev.recourse.store.RecourseStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The policies of this service: every submitted version that compiled, kept in the database's {@code policy_version}
 * table, and the active version of each in a {@link PolicyBook} for evaluation. A version that does not compile is
 * refused with its problems and changes nothing: the previous version stays active. Thread-safe.
 *
 * <p>Every kept version is also recorded in the public log through the core ({@code PolicyVersionStored}: its name
 * and version, the SHA-256 of its text, the pseudonym of who submitted it, when), so anyone can see which version of a
 * rule was in force when. The version's row is written in the sequencer's transaction of that event
 * ({@link RecourseStore#alongside}): every kept version is logged, and every logged version is kept. A version kept
 * before this held, and not logged, is recorded when it is submitted again.
 *
 * <p>Each node reads the stored versions when it starts; a version submitted to another node takes effect here at
 * the next start.
 */
public final class StoredPolicies {
    private static final String INSERT = "INSERT INTO policy_version (name, version, source, source_sha256, submitted_at,"
            + " submitted_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name, version) DO NOTHING";

    private final RecourseStore store;
    private final DataSource dataSource;
    private final DueProcess process;
    private final PolicyBook book = new PolicyBook();

    /** A stored version of a policy. */
    public record StoredVersion(Versioned id, String sha256, Instant submittedAt, String submittedBy) {}

    /** What a submission did. */
    public record Submitted(Policy policy, PolicyBook.Submission submission) {}

    private StoredPolicies(RecourseStore store) {
        this.store = store;
        this.dataSource = store.dataSource();
        this.process = store.dueProcess();
    }

    /**
     * The policies stored in {@code store}, each version taken into the book in the order submitted; versions
     * submitted from now on are kept and recorded in the log through it.
     *
     * @throws IllegalStateException if a stored version no longer compiles (a release changed what policies may say)
     */
    public static StoredPolicies open(RecourseStore store) throws SQLException {
        StoredPolicies stored = new StoredPolicies(store);
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT name, version, source FROM policy_version ORDER BY number");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Validation<PolicyBook.Submission> v = PolicyYaml.read(rs.getString(3)).map(stored.book::submit)
                        .orElseThrow();
                if (!v.isValid()) {
                    throw new IllegalStateException("stored policy " + rs.getString(1) + "@" + rs.getString(2)
                            + " no longer compiles: " + v.errors());
                }
            }
        }
        return stored;
    }

    /** The book of active versions, for evaluation. */
    public PolicyBook book() {
        return book;
    }

    /**
     * Reads, compiles, keeps and records in the log a version submitted by {@code by} ({@code person} in the log: a
     * pseudonym, never a name); refused with every problem (nothing stored, the
     * previous version stays active) if it does not read or compile, or if its name and version are kept with other
     * content.
     */
    public synchronized Validation<Submitted> submit(String source, String by, Person person) throws SQLException {
        Validation<Policy> read = PolicyYaml.read(source);
        if (!(read instanceof Validation.Valid<Policy> valid)) {
            return new Validation.Invalid<>(read.errors());
        }
        Policy policy = valid.value();
        Optional<Policy> kept = book.version(policy.id());
        if (kept.isPresent()) {
            if (kept.get().equals(policy)) {
                record(policy, source, by, person);
                return new Validation.Valid<>(new Submitted(policy, PolicyBook.Submission.ALREADY_KEPT));
            }
            return Validation.invalid("policy", "version " + policy.id() + " is kept with other content; a change is a new version");
        }
        Validation<CompiledPolicy> compiled = PolicyCompiler.compile(policy);
        if (!compiled.isValid()) {
            return new Validation.Invalid<>(compiled.errors());
        }
        record(policy, source, by, person);
        PolicyBook.Submission submission = book.submit(policy).orElseThrow();
        return new Validation.Valid<>(new Submitted(policy, submission));
    }

    /** The stored versions of policy {@code name}, oldest first; empty if there is no such policy. */
    public List<StoredVersion> versions(String name) throws SQLException {
        List<StoredVersion> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version, source_sha256, submitted_at, submitted_by FROM policy_version"
                     + " WHERE name = ? ORDER BY number")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredVersion(new Versioned(name, rs.getString(1)), HexFormat.of().formatHex(rs.getBytes(2)),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /**
     * Records the version in the log and keeps its row, in one transaction; the core records a version once, so a
     * version submitted again is recorded exactly once.
     *
     * @throws IllegalStateException if the core refuses: the log holds this version with another text
     * @throws dev.recourse.store.StoreException if the transaction fails: neither the row nor the event is stored
     */
    private void record(Policy policy, String source, String by, Person person) {
        store.alongside((connection, events) -> keep(connection, events, source, by), () -> {
            recordInLog(policy, source, person);
            return null;
        });
    }

    /** Keeps the version whose {@code PolicyVersionStored} is among {@code events}, unless it is kept already. */
    private static void keep(Connection connection, List<RecordedEvent> events, String source, String by) throws SQLException {
        for (RecordedEvent e : events) {
            if (e.event() instanceof PolicyEvent.PolicyVersionStored stored) {
                try (PreparedStatement s = connection.prepareStatement(INSERT)) {
                    s.setString(1, stored.policy().name());
                    s.setString(2, stored.policy().version());
                    s.setString(3, source);
                    s.setBytes(4, sha256(source));
                    s.setTimestamp(5, Timestamp.from(stored.at()));
                    s.setString(6, by);
                    s.executeUpdate();
                }
            }
        }
    }

    private void recordInLog(Policy policy, String source, Person person) {
        Command.RecordPolicyVersion command = new Command.RecordPolicyVersion(policy.id(), ContentHash.of(sha256(source)), person);
        // Another node recording the same version at once contends; the retry then finds it recorded and changes nothing.
        for (int attempt = 1; ; attempt++) {
            switch (process.handle(command)) {
                case Result.Accepted ignored -> {
                    return;
                }
                case Result.Rejected r -> throw new IllegalStateException("the log refused policy " + policy.id() + ": " + r.errors());
                case Result.Contended c -> {
                    if (attempt == 3) {
                        throw new IllegalStateException("policy " + policy.id() + " stayed contended: " + c);
                    }
                }
            }
        }
    }

    /** Problems as one line each, for logs and the command line. */
    public static String lines(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(FieldError::toString).toList());
    }

    private static byte[] sha256(String source) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package dev.recourse.server.policy;

import dev.recourse.core.Validation;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the policy files of a directory (the {@code policies.dir} setting): every {@code *.yaml} and {@code *.yml}
 * file, in the order of their names, submitted as if through the API by {@code file:NAME}. A file that does not read
 * or compile is reported and changes nothing; its policy's previous version stays active.
 */
public final class PolicyDirectory {
    /** Who submits the files, in the public log: the service's operator, who put them there. */
    static final Person DIRECTORY = new Person(new Pseudonym("policy-directory"), Role.ADMINISTRATOR);

    private PolicyDirectory() {}

    /** Submits each policy file of {@code directory}; one line per file says what became of it. */
    public static List<String> load(Path directory, StoredPolicies policies) throws IOException, SQLException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(f)).sorted().toList();
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            var submitted = policies.submit(Files.readString(file, StandardCharsets.UTF_8), "file:" + name, DIRECTORY);
            lines.add(switch (submitted) {
                case Validation.Valid<StoredPolicies.Submitted> ok -> "policy file " + name + ": " + ok.value().policy().id() + " "
                        + (ok.value().submission() == dev.recourse.core.policy.PolicyBook.Submission.ACCEPTED ? "accepted, active" : "already kept");
                case Validation.Invalid<StoredPolicies.Submitted> bad -> "policy file " + name + ": refused, the previous version"
                        + " stays active: " + StoredPolicies.lines(bad.errors());
            });
        }
        return lines;
    }
}

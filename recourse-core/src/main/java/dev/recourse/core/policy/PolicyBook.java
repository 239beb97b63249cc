package dev.recourse.core.policy;

import dev.recourse.core.Validation;
import dev.recourse.core.decider.Versioned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every version of every policy, and which version of each is active. A new version takes effect only if it
 * compiles; a bad one is refused with its problems and the previous version stays active. A version, once
 * accepted, is kept and never changed: submitting the same name and version with other content is refused.
 *
 * <p>Thread-safe: evaluation reads the active policies while authors submit new versions.
 */
public final class PolicyBook {
    private final Map<String, List<CompiledPolicy>> versions = new LinkedHashMap<>();
    private volatile List<CompiledPolicy> active = List.of();

    /** What submitting a version did. */
    public enum Submission {
        /** A new version, now active. */
        ACCEPTED,
        /** This very version was already kept: nothing changed. */
        ALREADY_KEPT
    }

    /**
     * Submits a version: compiled and made active, or refused with every problem (the active version stays).
     */
    public synchronized Validation<Submission> submit(Policy policy) {
        List<CompiledPolicy> kept = versions.getOrDefault(policy.id().name(), List.of());
        for (CompiledPolicy k : kept) {
            if (k.id().equals(policy.id())) {
                return k.policy().equals(policy)
                        ? new Validation.Valid<>(Submission.ALREADY_KEPT)
                        : Validation.invalid("id", "version " + policy.id() + " is kept with other content; a change is a new version");
            }
        }
        Validation<CompiledPolicy> compiled = PolicyCompiler.compile(policy);
        switch (compiled) {
            case Validation.Invalid<CompiledPolicy> invalid -> {
                return new Validation.Invalid<>(invalid.errors());
            }
            case Validation.Valid<CompiledPolicy> valid -> {
                versions.computeIfAbsent(policy.id().name(), n -> new ArrayList<>()).add(valid.value());
                List<CompiledPolicy> now = new ArrayList<>();
                versions.values().forEach(v -> now.add(v.getLast()));
                active = List.copyOf(now);
                return new Validation.Valid<>(Submission.ACCEPTED);
            }
        }
    }

    /** The active version of each policy, in the order the policies were first submitted. */
    public List<CompiledPolicy> active() {
        return active;
    }

    /** The active version of policy {@code name}, if any. */
    public Optional<CompiledPolicy> active(String name) {
        return active.stream().filter(p -> p.id().name().equals(name)).findFirst();
    }

    /** Every kept version of policy {@code name}, oldest first. */
    public synchronized List<Versioned> versions(String name) {
        return versions.getOrDefault(name, List.of()).stream().map(CompiledPolicy::id).toList();
    }

    /** The kept version {@code id}, if any. */
    public synchronized Optional<Policy> version(Versioned id) {
        return versions.getOrDefault(id.name(), List.of()).stream().map(CompiledPolicy::policy)
                .filter(p -> p.id().equals(id)).findFirst();
    }
}

package dev.recourse.core.event;

import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.policy.ContentHash;
import java.time.Instant;

/** An event of one policy version: so the public can see which version of a rule was in force when. */
public sealed interface PolicyEvent extends Event {
    /** The policy's name and version. */
    Versioned policy();

    /**
     * A person submitted the policy version {@code policy}, it compiled, and it is kept: from {@code at} it is the
     * active version of its policy. {@code source} is the SHA-256 of the submitted text, so anyone holding a copy of
     * the policy can check it is the one in force; the text itself is not in the log.
     */
    record PolicyVersionStored(Versioned policy, ContentHash source, Person person, Instant at) implements PolicyEvent {}
}

package dev.recourse.core.decider;

import dev.recourse.core.json.Json;

/**
 * A person who takes part in a decision, known by pseudonym and role. Two persons are the same person when their
 * pseudonyms are equal, whatever role they act in.
 */
public record Person(Pseudonym pseudonym, Role role) {
    /** Whether this and {@code other} are the same human being. */
    public boolean isSamePersonAs(Person other) {
        return pseudonym.equals(other.pseudonym);
    }

    /** {@code {"pseudonym", "role"}}: how a person appears in public. */
    public Json.Obj toJson() {
        return Json.object().put("pseudonym", pseudonym.value()).put("role", role.name()).build();
    }

    @Override
    public String toString() {
        return pseudonym + " (" + role + ")";
    }
}

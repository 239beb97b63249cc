package dev.recourse.core.policy;

import dev.recourse.core.decider.Versioned;
import java.net.URI;
import java.time.Duration;

/**
 * An external scorer that rules may consult: given an event, it answers a score in [0, 1]. Its name is how
 * conditions read the score ({@code scores["name"]}); its version goes into decisions.
 *
 * @param model the model's name and version
 * @param endpoint where it is asked (http or https)
 * @param timeout how long one attempt may take; positive
 * @param retries further attempts after a failed one; 0 to 5
 */
public record ClassifierSpec(Versioned model, URI endpoint, Duration timeout, int retries) {
    public ClassifierSpec {
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("a classifier's endpoint is an http or https URL, not " + endpoint);
        }
        if (timeout.isNegative() || timeout.isZero() || retries < 0 || retries > 5) {
            throw new IllegalArgumentException("a classifier has a positive timeout and 0 to 5 retries");
        }
    }
}

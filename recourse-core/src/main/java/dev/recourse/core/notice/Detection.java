package dev.recourse.core.notice;

import java.time.Instant;

/** An automated signal about a subject. */
public record Detection(DetectionId id, Signal signal, Instant detected) {}

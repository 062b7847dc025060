package org.roadmapcoach.engine.roadmap;

import java.time.LocalDate;

/** A pairing's engagement with a resource; keyed by pairing and resource. Status and date may be null. */
public record Engagement(String pairingId, String resourceId, EngagementStatus status, LocalDate date,
                         String takeaway) {
}

package org.roadmapcoach.engine.roadmap;

/** Whether a pairing is running; only active ones are evaluated. */
public enum PairingStatus implements Coded {
    ACTIVE, PAUSED, CLOSED
}

package org.roadmapcoach.engine.roadmap;

/** Whether an objective builds a technical or a soft skill. */
public enum SkillType implements Coded {
    TECHNICAL, SOFT
}

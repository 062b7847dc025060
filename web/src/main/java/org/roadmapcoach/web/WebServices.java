package org.roadmapcoach.web;

import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.MeService;
import org.roadmapcoach.app.access.SessionService;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.roadmap.RoadmapService;
import org.roadmapcoach.data.store.Store;

/**
 * The use cases the pages call: the same as the API's, plus the web app's sessions and the addresses
 * people are sent to ({@link Links}: a session cookie is Secure when they are https).
 */
public record WebServices(Store store, Today today, Links links, TokenService tokens, SessionService sessions,
                          Access access, MeService me, NextStepsService nextSteps, RoadmapService roadmaps) {
}

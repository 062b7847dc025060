package org.roadmapcoach.data.auth;

import org.roadmapcoach.engine.roadmap.Coded;

/** What a stored secret opens: the API (a bearer token), the web app once (a sign-in link), or a calendar feed. */
public enum TokenKind implements Coded {
    API, SIGN_IN, CALENDAR
}

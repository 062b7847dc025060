package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] strings = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int code = CoachCommand.execute(strings, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}

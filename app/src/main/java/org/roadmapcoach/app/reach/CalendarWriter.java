package org.roadmapcoach.app.reach;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateStart;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Writes events as an iCalendar feed (RFC 5545) with biweekly: all-day events, CRLF line ends and lines
 * folded at 75 octets (never inside a UTF-8 character). Nothing depends on the clock or the time zone
 * of the machine, so the same events give the same bytes. Biweekly's {@code tz()} is never called: it
 * downloads time-zone data.
 */
final class CalendarWriter {

    private static final int FOLD_OCTETS = 75;

    private CalendarWriter() {
    }

    static byte[] write(String name, List<CalendarEvent> events) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Roadmap Coach//Calendar feed//EN");
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        events.stream().sorted(Comparator.comparing(CalendarEvent::date).thenComparing(CalendarEvent::uid))
                .forEach(e -> {
                    VEvent event = new VEvent();
                    event.setUid(e.uid());
                    event.setDateTimeStamp(Date.from(e.stamp()));
                    ICalDate day = new ICalDate(new DateTimeComponents(e.date().getYear(), e.date().getMonthValue(),
                            e.date().getDayOfMonth()), false);
                    event.setDateStart(new DateStart(day, false));
                    event.setSummary(e.summary());
                    event.setDescription(e.description());
                    event.setTransparency(true);
                    calendar.addEvent(event);
                });
        String text = Biweekly.write(calendar).foldLines(false).go();
        return fold(text);
    }

    /** CRLF line ends and lines of at most 75 octets, continued with a space (RFC 5545 3.1). */
    static byte[] fold(String unfolded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : unfolded.split("\r\n|\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = FOLD_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                if (octets + bytes.length > limit) {
                    out.writeBytes(new byte[] {'\r', '\n', ' '});
                    octets = 0;
                    limit = FOLD_OCTETS - 1; // the leading space counts
                }
                out.writeBytes(bytes);
                octets += bytes.length;
                i += Character.charCount(codePoint);
            }
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }
}

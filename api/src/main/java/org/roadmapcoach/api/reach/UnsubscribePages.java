package org.roadmapcoach.api.reach;

/** The small pages of the opt-out, with every value escaped; the form posts to the page's own address. */
final class UnsubscribePages {

    private UnsubscribePages() {
    }

    static String ask(String name) {
        return page("Stop the weekly digests?", "<p>" + escape(name) + ", you get a weekly email from Roadmap Coach"
                + " with your next steps.</p>\n<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\""
                + " value=\"One-Click\"><button type=\"submit\">Unsubscribe from the digests</button></form>");
    }

    static String done(String name) {
        return page("You are unsubscribed", "<p>" + escape(name) + ", Roadmap Coach will send you no more digests."
                + " Your next steps are still on your page.</p>");
    }

    static String unknown() {
        return page("This link is not known", "<p>This unsubscribe link is not known. Use the link of a recent"
                + " digest, or ask your program coordinator.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width\"><title>" + escape(title) + "</title></head>\n<body><h1>"
                + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

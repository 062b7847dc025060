package org.roadmapcoach.data.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a store lives, as {@code --db} or {@code COACH_DB} names it (API.md): a SQLite file, or a PostgreSQL
 * database as {@code postgresql://user:password@host:port/name}. Read in this one place, so that a URL is
 * never taken for a file name (a folder {@code postgresql:} with a SQLite file inside).
 */
public sealed interface StoreAddress permits StoreAddress.SqliteFile, StoreAddress.Postgres {

    /** What to show of it: the file, or the URL without its password. */
    String describe();

    /** A SQLite database file. */
    record SqliteFile(Path file) implements StoreAddress {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A PostgreSQL database. {@code user} and {@code password} may be null (the driver's defaults); {@code
     * query} is what followed {@code ?} (driver settings such as {@code sslmode=require}), or null.
     */
    record Postgres(String host, int port, String name, String user, String password, String query)
            implements StoreAddress {

        /** The JDBC URL, without user and password (given to the driver as properties). */
        String jdbcUrl() {
            String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return "jdbc:postgresql://" + hostPart + ":" + port + "/" + encode(name) + (query == null ? "" : "?" + query);
        }

        @Override
        public String describe() {
            return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + name;
        }

        @Override
        public String toString() { // never the password
            return describe();
        }

        private static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** PostgreSQL's port when a URL names none. */
    int DEFAULT_PORT = 5432;

    /** A scheme followed by {@code ://}: an address, never a file name. */
    Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

    /**
     * Reads a {@code --db} argument: a URL of scheme {@code postgresql} (or {@code postgres}, or either after
     * {@code jdbc:}) is a PostgreSQL database, any other text a SQLite file.
     *
     * @throws StoreAddressException naming the part of a URL that is wrong (never its password), or the
     *     scheme of a URL that is not PostgreSQL's
     */
    static StoreAddress parse(String argument) {
        if (argument == null || argument.isBlank()) {
            throw new StoreAddressException("the database is empty: give a SQLite file or a PostgreSQL URL"
                    + " (postgresql://user:password@host:5432/name)");
        }
        String text = argument.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
            lower = lower.substring("jdbc:".length());
        }
        boolean postgres = lower.startsWith("postgresql:") || lower.startsWith("postgres:");
        if (!postgres && !URL.matcher(text).matches()) {
            return new SqliteFile(Path.of(argument));
        }
        String scheme = text.substring(0, text.indexOf(':'));
        if (!postgres) {
            throw new StoreAddressException("'" + scheme + "://' is not a database this program can use: give a"
                    + " SQLite file or a PostgreSQL URL (postgresql://user:password@host:5432/name)");
        }
        if (!text.substring(scheme.length()).startsWith("://")) {
            throw new StoreAddressException("the PostgreSQL URL must start with " + scheme
                    + "://, as in postgresql://user:password@host:5432/name");
        }
        return postgres(text.substring(scheme.length() + 3));
    }

    private static Postgres postgres(String rest) {
        String userInfo = null;
        int at = rest.lastIndexOf('@', firstOf(rest, "/?") < 0 ? rest.length() : firstOf(rest, "/?"));
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
            if (user.isEmpty()) {
                throw new StoreAddressException("the PostgreSQL URL has an empty user name before '@'");
            }
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String pathAndQuery = slash < 0 ? "" : rest.substring(slash + 1);
        int question = pathAndQuery.indexOf('?');
        String name = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 || question == pathAndQuery.length() - 1 ? null : pathAndQuery.substring(question + 1);
        if (hostPort.contains("?")) {
            throw new StoreAddressException("the PostgreSQL URL has no database name: expected"
                    + " postgresql://user:password@host:5432/name");
        }
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) { // an IPv6 address
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new StoreAddressException("the PostgreSQL URL's host '" + hostPort + "' lacks its closing ']'");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new StoreAddressException("the PostgreSQL URL's host '" + hostPort + "' is not host:port");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new StoreAddressException("the PostgreSQL URL has no host: expected"
                    + " postgresql://user:password@host:5432/name");
        }
        if (!host.matches("[A-Za-z0-9.:_%-]+")) {
            throw new StoreAddressException("the PostgreSQL URL's host '" + host + "' is not a host name or address");
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
                throw new StoreAddressException("the PostgreSQL URL's port '" + portText
                        + "' is not a number from 1 to 65535");
            }
            port = Integer.parseInt(portText);
        }
        name = decode(name, "database name");
        if (name.isEmpty()) {
            throw new StoreAddressException("the PostgreSQL URL has no database name: expected"
                    + " postgresql://user:password@host:5432/name");
        }
        if (name.contains("/")) {
            throw new StoreAddressException("the PostgreSQL URL's database name '" + name + "' has a '/'");
        }
        if (query != null) {
            try {
                new URI("x://h/?" + query);
            } catch (URISyntaxException e) {
                throw new StoreAddressException("the PostgreSQL URL's settings after '?' are not name=value&...");
            }
        }
        return new Postgres(host, port, name, user, password, query);
    }

    private static int firstOf(String text, String characters) {
        int first = -1;
        for (char c : characters.toCharArray()) {
            int index = text.indexOf(c);
            if (index >= 0 && (first < 0 || index < first)) {
                first = index;
            }
        }
        return first;
    }

    private static String decode(String text, String part) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the part itself is not shown: it may be the password
            throw new StoreAddressException("the PostgreSQL URL's " + part + " has a '%' that is not followed by"
                    + " two hexadecimal digits");
        }
    }
}

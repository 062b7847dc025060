package org.roadmapcoach.data.run;

/**
 * The order SQLite's {@code ORDER BY} gives text ids (BINARY collation: the bytes of their UTF-8), which is
 * code point order. {@link String#compareTo} compares UTF-16 units and disagrees with it for characters
 * beyond U+FFFF, so code that walks two id-ordered reads side by side compares with this.
 */
public final class PairingOrder {

    private PairingOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

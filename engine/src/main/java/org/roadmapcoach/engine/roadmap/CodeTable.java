package org.roadmapcoach.engine.roadmap;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The codes of one {@link Coded} enum, computed once: every stored, printed and parsed value asks for
 * its code, millions of times in the check of a large cohort.
 */
final class CodeTable {

    static final ClassValue<CodeTable> OF = new ClassValue<>() {
        @Override
        protected CodeTable computeValue(Class<?> type) {
            return new CodeTable(type);
        }
    };

    /** By ordinal: the default {@link Coded#code()}, the lower-case name. */
    final String[] codes;
    /** Exact code to constant; empty for an enum that declares codes of its own (parsed by its code()). */
    final Map<String, Object> byCode = new HashMap<>();

    private CodeTable(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        codes = new String[constants.length];
        boolean ownCodes = declaresCode(type);
        for (int i = 0; i < constants.length; i++) {
            codes[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            if (!ownCodes) {
                byCode.put(codes[i], constants[i]);
            }
        }
    }

    private static boolean declaresCode(Class<?> type) {
        try {
            return type.getMethod("code").getDeclaringClass() != Coded.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}

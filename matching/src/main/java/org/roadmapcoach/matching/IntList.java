package org.roadmapcoach.matching;

import java.util.Arrays;

/** A growable array of ints: millions of candidate pairs without an object each. */
final class IntList {

    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[Math.max(capacity, 4)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1) + 1);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Sorts the values ascending. */
    void sort() {
        Arrays.sort(values, 0, size);
    }

    /** The values, trimmed to their size. */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

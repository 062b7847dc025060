package org.roadmapcoach.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Floor: a bare Commons CSV parse of every file of a cohort folder, headers by name, every value
 * touched, nothing checked or kept. Usage: {@code CsvParseFloor DIR}.
 */
public final class CsvParseFloor {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private CsvParseFloor() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long chars = 0;
        for (Path file : Floors.csvFiles(Path.of(args[0]))) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = FORMAT.parse(reader)) {
                for (CSVRecord record : parser) {
                    rows++;
                    for (String value : record) {
                        chars += value.length();
                    }
                }
            }
        }
        Floors.report("csv-parse", rows, System.nanoTime() - start, chars);
    }
}

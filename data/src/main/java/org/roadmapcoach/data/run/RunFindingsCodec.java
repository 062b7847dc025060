package org.roadmapcoach.data.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.roadmap.Coded;

/**
 * A pairing's findings as one stored value (migration 014): a format byte, then the findings deflated
 * together, so that what they repeat (rule ids, evidence keys, the wording of messages, the pairing's
 * ids) costs little; each next step is a number into the run's texts, where each distinct one is kept
 * once. Every field is kept as text (codes, not ordinals), so a stored run reads back exactly as it was
 * written whatever enums gain later. The objective of the finding's {@link FindingKey} is kept apart
 * from the evidence, so that runs can be compared without parsing any evidence.
 */
final class RunFindingsCodec {

    /** The only format so far: deflated (raw, no zlib header) findings. */
    private static final byte FORMAT_DEFLATED = 1;

    private RunFindingsCodec() {
    }

    /**
     * Encodes {@code findings} (in report order); {@code textId} numbers a next step, {@code evidence} are
     * the findings' evidence as JSON ({@link RunJson#evidenceJson}).
     */
    static byte[] encode(List<Finding> findings, List<String> evidence, ToIntFunction<String> textId) {
        Bytes out = new Bytes(256 * Math.max(1, findings.size()));
        out.varint(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.text(f.ruleId());
            out.text(f.severity().code());
            out.text(f.subjectType().code());
            out.text(f.subjectId());
            out.text(f.audience().code());
            out.text(f.message());
            out.varint(textId.applyAsInt(f.nextStep()));
            out.text(evidence.get(i));
            out.text(FindingKey.of(f).objectiveId());
            out.text(f.keyDate() == null ? "" : f.keyDate().toString());
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(out.buffer(), 0, out.size());
            deflater.finish();
            ByteArrayOutputStream packed = new ByteArrayOutputStream(out.size() / 4 + 16);
            packed.write(FORMAT_DEFLATED);
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                packed.write(chunk, 0, deflater.deflate(chunk));
            }
            return packed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The findings of pairing {@code pairingId}; {@code text} gives a next step by its number.
     *
     * @param evidence whether to parse the evidence; without it a finding's evidence holds only the objective of
     *                 its {@link FindingKey} (if any), which is kept apart: enough to compare runs
     */
    static List<Finding> decode(String pairingId, byte[] stored, IntFunction<String> text, boolean evidence) {
        Reader in = new Reader(inflate(stored));
        int count = in.varint();
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ruleId = in.text();
            Severity severity = Coded.parse(Severity.class, in.text());
            SubjectType subjectType = Coded.parse(SubjectType.class, in.text());
            String subjectId = in.text();
            Audience audience = Coded.parse(Audience.class, in.text());
            String message = in.text();
            String nextStep = text.apply(in.varint());
            String json = in.text();
            String objectiveId = in.text(); // the key's objective, which the evidence holds too
            String keyDate = in.text();
            findings.add(new Finding(ruleId, severity, Finding.categoryOf(ruleId), subjectType, subjectId, pairingId,
                    audience, message, nextStep, evidence ? RunJson.fromJson(json)
                            : objectiveId.isEmpty() ? Map.of() : Map.of("objectiveId", objectiveId),
                    keyDate.isEmpty() ? null : LocalDate.parse(keyDate)));
        }
        return findings;
    }

    /** Only what makes the findings of pairing {@code pairingId} the same in two runs, in report order. */
    static List<FindingKey> keys(String pairingId, byte[] stored) {
        Reader in = new Reader(inflate(stored));
        int count = in.varint();
        List<FindingKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ruleId = in.text();
            in.text();
            SubjectType subjectType = Coded.parse(SubjectType.class, in.text());
            String subjectId = in.text();
            in.text();
            in.text();
            in.varint();
            in.text();
            String objectiveId = in.text();
            in.text();
            keys.add(new FindingKey(pairingId, ruleId, subjectType, subjectId, objectiveId));
        }
        return keys;
    }

    /** The next steps' numbers used by {@code stored}. */
    static List<Integer> textIds(byte[] stored) {
        Reader in = new Reader(inflate(stored));
        int count = in.varint();
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            for (int field = 0; field < 6; field++) {
                in.text();
            }
            ids.add(in.varint());
            for (int field = 0; field < 3; field++) {
                in.text();
            }
        }
        return ids;
    }

    private static byte[] inflate(byte[] stored) {
        if (stored.length == 0 || stored[0] != FORMAT_DEFLATED) {
            throw new IllegalStateException("stored findings in an unknown format");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 6);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break; // raw deflate may need no more input to finish: what was read is whole
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored findings are damaged", e);
        } finally {
            inflater.end();
        }
    }

    /** A growing byte buffer with varints and length-prefixed UTF-8 text. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        void varint(int value) {
            int v = value;
            while ((v & ~0x7F) != 0) {
                write((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            write(v);
        }

        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            write(utf8, 0, utf8.length);
        }

        byte[] buffer() {
            return buf;
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int varint() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        String text() {
            int length = varint();
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }
    }
}

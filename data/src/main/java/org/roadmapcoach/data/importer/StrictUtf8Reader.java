package org.roadmapcoach.data.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and drops a leading byte-order mark. Bad bytes are reported, never replaced
 * (a replaced byte would silently change a name or an id), as an {@link InvalidUtf8Exception} naming
 * the physical line. An {@code InputStreamReader} cannot say where: it decodes ahead of what it has
 * handed out, so this reader hands out everything decoded before the bad byte, counting lines, first.
 */
final class StrictUtf8Reader extends Reader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private boolean finished;
    private boolean started;
    private long line = 1;
    private boolean afterCarriageReturn;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int count = Math.min(length, chars.remaining());
        chars.get(target, offset, count);
        countLines(target, offset, count);
        return count;
    }

    /** Decodes the next chunk into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        while (!finished) {
            chars.clear();
            try {
                decodeSome();
            } finally {
                chars.flip();
            }
            if (!started && chars.hasRemaining()) {
                started = true;
                if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
                    chars.get();
                }
            }
            if (chars.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    private void decodeSome() throws IOException {
        while (chars.position() == 0) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                if (chars.position() > 0) {
                    return; // hand these out first; the next call meets the bad byte with the line counted
                }
                throw new InvalidUtf8Exception(line);
            }
            if (result.isOverflow()) {
                return;
            }
            if (endOfInput) {
                decoder.flush(chars);
                finished = true;
                return;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
    }

    // Counts line breaks the way the CSV parser does: CR, LF and CRLF each end one line.
    private void countLines(char[] text, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = text[i];
            if (c == '\r') {
                line++;
            } else if (c == '\n' && !afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

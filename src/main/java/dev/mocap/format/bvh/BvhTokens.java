package dev.mocap.format.bvh;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;

/** Whitespace-separated words of a BVH file, read line by line, with the line they came from. */
final class BvhTokens {
    private static final String[] NONE = {};

    private final BufferedReader in;
    private final String source;
    private String[] words = NONE;
    private int next;
    private int line;

    BvhTokens(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next word; {@code expected} says what should come, for the error at the end of the file. */
    String next(String expected) throws IOException {
        while (next == words.length) {
            if (!readLine()) {
                throw error("the file ends where " + expected + " should follow");
            }
        }
        return words[next++];
    }

    /** The next word, which must be {@code keyword} (any case). */
    void expect(String keyword) throws IOException {
        String word = next(keyword);
        if (!word.equalsIgnoreCase(keyword)) {
            throw error("expected " + keyword + ", found '" + word + "'");
        }
    }

    double number(String what) throws IOException {
        return parseNumber(next(what), what);
    }

    /** A whole number in [0, max]. */
    int count(String what, int max) throws IOException {
        String word = next(what);
        try {
            int n = Integer.parseInt(word);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error(what + " must be a whole number from 0 to " + max + ", found '" + word + "'");
    }

    /** The words left on the current line (possibly none); the next word comes from a later line. */
    String[] restOfLine() {
        String[] rest = Arrays.copyOfRange(words, next, words.length);
        next = words.length;
        return rest;
    }

    /** The words of the next line that has any (first what is left of the current one), or null at the end. */
    String[] nextLine() throws IOException {
        while (next == words.length) {
            if (!readLine()) {
                return null;
            }
        }
        return restOfLine();
    }

    double parseNumber(String word, String what) throws BvhFormatException {
        try {
            double value = Double.parseDouble(word);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error("expected a number (" + what + "), found '" + word + "'");
    }

    BvhFormatException error(String problem) {
        return new BvhFormatException(source, line, problem);
    }

    int line() {
        return line;
    }

    private boolean readLine() throws IOException {
        String text = in.readLine();
        if (text == null) {
            return false;
        }
        line++;
        String trimmed = text.strip();
        words = trimmed.isEmpty() ? NONE : trimmed.split("\\s+");
        next = 0;
        return true;
    }
}

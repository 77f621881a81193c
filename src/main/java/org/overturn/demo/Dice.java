package org.overturn.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's choices: the same question about the same thing always gets the same answer, whatever order the
 * questions come in, so a replay tells the same story every time.
 */
final class Dice {

    private final long seed;

    Dice(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1) for this question about this subject. */
    double roll(String subject, String question) {
        long h = seed;
        h = h * 0x9E3779B97F4A7C15L + subject.hashCode();
        h = h * 0x9E3779B97F4A7C15L + question.hashCode();
        return new SplittableRandom(h).nextDouble();
    }

    boolean chance(String subject, String question, double probability) {
        return roll(subject, question) < probability;
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    int between(String subject, String question, int low, int high) {
        return low + (int) Math.floor(roll(subject, question) * (high - low + 1));
    }

    <T> T pick(String subject, String question, List<T> choices) {
        return choices.get(between(subject, question, 0, choices.size() - 1));
    }
}

package org.overturn.remittance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.overturn.Samples;
import org.overturn.demo.GeneratorSettings;
import org.overturn.demo.RemittanceGenerator;

/**
 * Broken 835 files for fuzz tests, made from real and generated ones: segments deleted, duplicated, swapped
 * or moved, files cut short, delimiters changed, elements added or dropped, numbers and dates garbled, wrong
 * envelope counts and control numbers, binary junk, huge values, a few files that are hardly files at all.
 * The same seed and index always give the same bytes, so a failure is reproduced by its index alone.
 */
public final class MutatedRemittances {

    /** One broken file: where it came from and what was done to it, and its bytes. */
    public record Mutant(int index, String base, List<String> mutations, byte[] bytes) {

        public String describe() {
            return "mutant #" + index + " of " + base + " " + mutations + " (" + bytes.length + " bytes)";
        }
    }

    /** A file to break: its name and text (ISO-8859-1, so that every byte round-trips). */
    public record Base(String name, String text) {
    }

    private final long seed;
    private final List<Base> bases;

    public MutatedRemittances(long seed, List<Base> bases) {
        this.seed = seed;
        this.bases = List.copyOf(bases);
    }

    /** Every real sample and a few generated files of a realistic behavioral-health clinic. */
    public static List<Base> standardBases() {
        List<Base> bases = new ArrayList<>();
        for (String name : realSampleNames()) {
            bases.add(new Base(name, latin1(Samples.real(name))));
        }
        for (long generatorSeed = 1; generatorSeed <= 3; generatorSeed++) {
            GeneratorSettings settings = GeneratorSettings.defaults().withSeed(generatorSeed).withClaimCount(24)
                    .withClaimsPerTransaction(8).withTransactionsPerInterchange(2).withDenialRate(0.5);
            bases.add(new Base("generated-" + generatorSeed + ".835", generate(settings)));
        }
        return bases;
    }

    /** The {@code n}-th mutant: always the same bytes for the same seed and bases. */
    public Mutant mutant(int n) {
        Random random = new Random(seed * 1_000_003L + n);
        if (n < DEGENERATE.size()) {
            return new Mutant(n, "(none)", List.of("degenerate #" + n), DEGENERATE.get(n).getBytes(StandardCharsets.ISO_8859_1));
        }
        Base base = bases.get(random.nextInt(bases.size()));
        X12Text text = X12Text.of(base.text());
        List<String> done = new ArrayList<>();
        int count = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
        for (int i = 0; i < count; i++) {
            Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
            done.add(mutation.apply(text, random, this));
        }
        return new Mutant(n, base.name(), done, text.bytes());
    }

    /** The first base rewritten segment by segment as every mutant is, but not damaged. */
    public Mutant unchanged() {
        return new Mutant(-1, bases.get(0).name(), List.of(), X12Text.of(bases.get(0).text()).bytes());
    }

    public Stream<Mutant> mutants(int count) {
        return Stream.iterate(0, i -> i + 1).limit(count).map(this::mutant);
    }

    /** Applies the same kind of damage to a caller's own file (e.g. one made unique for a database test). */
    public Mutant mutant(int n, Base base) {
        return new MutatedRemittances(seed, List.of(base)).mutant(n);
    }

    // ---- the damage ----------------------------------------------------------------------------------------

    private interface Mutation {
        /** Changes the text and says what it did. */
        String apply(X12Text text, Random random, MutatedRemittances source);
    }

    private static final List<String> DEGENERATE = List.of(
            "",
            " \r\n\t ",
            "\uFEFF",
            "ISA",
            "ISA*",
            "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240315*1200*^*00501*000000001*0*P*:~",
            "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240315*1200*^*00501*000000001*0*P*:~"
                    + "IEA*0*000000001~",
            "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240315*1200*^*00501*000000001*0*P*:~"
                    + "GS*HP*S*R*20240315*1200*1*X*005010X221A1~GE*0*1~IEA*1*000000001~",
            "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240315*1200*^*00501*000000001*0*P*:~"
                    + "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240315*1200*^*00501*000000002*0*P*:~",
            "~~~~~~~",
            "*****",
            "ST*835*0001~SE*2*0001~",
            "\0\0\0\0ISA",
            "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

    private static final List<Mutation> MUTATIONS = List.of(
            MutatedRemittances::deleteSegment,
            MutatedRemittances::duplicateSegment,
            MutatedRemittances::swapSegments,
            MutatedRemittances::moveSegment,
            MutatedRemittances::truncate,
            MutatedRemittances::truncate,
            MutatedRemittances::changeDelimiters,
            MutatedRemittances::changeDelimiters,
            MutatedRemittances::addElements,
            MutatedRemittances::dropElements,
            MutatedRemittances::garbleNumber,
            MutatedRemittances::garbleNumber,
            MutatedRemittances::garbleDate,
            MutatedRemittances::wrongControl,
            MutatedRemittances::wrongControl,
            MutatedRemittances::binaryJunk,
            MutatedRemittances::hugeValue,
            MutatedRemittances::renameSegment,
            MutatedRemittances::segmentFromAnotherFile,
            MutatedRemittances::repeatSegment,
            MutatedRemittances::foreignCharacters,
            MutatedRemittances::emptyElement,
            MutatedRemittances::joinSegments,
            MutatedRemittances::lineBreaks,
            MutatedRemittances::garbleIsa);

    private static String deleteSegment(X12Text text, Random random, MutatedRemittances source) {
        if (text.segments.isEmpty()) {
            return "delete (nothing)";
        }
        int at = random.nextInt(text.segments.size());
        return "delete " + describe(at, text.segments.remove(at));
    }

    private static String duplicateSegment(X12Text text, Random random, MutatedRemittances source) {
        if (text.segments.isEmpty()) {
            return "duplicate (nothing)";
        }
        int at = random.nextInt(text.segments.size());
        text.segments.add(at, text.segments.get(at));
        return "duplicate " + describe(at, text.segments.get(at));
    }

    private static String swapSegments(X12Text text, Random random, MutatedRemittances source) {
        if (text.segments.size() < 2) {
            return "swap (nothing)";
        }
        int a = random.nextInt(text.segments.size());
        int b = random.nextBoolean() ? Math.min(a + 1, text.segments.size() - 1) : random.nextInt(text.segments.size());
        String first = text.segments.get(a);
        text.segments.set(a, text.segments.get(b));
        text.segments.set(b, first);
        return "swap " + describe(a, first) + " and " + describe(b, text.segments.get(a));
    }

    private static String moveSegment(X12Text text, Random random, MutatedRemittances source) {
        if (text.segments.size() < 2) {
            return "move (nothing)";
        }
        int from = random.nextInt(text.segments.size());
        String moved = text.segments.remove(from);
        int to = random.nextInt(text.segments.size() + 1);
        text.segments.add(to, moved);
        return "move " + describe(from, moved) + " to " + to;
    }

    private static String truncate(X12Text text, Random random, MutatedRemittances source) {
        String whole = text.render();
        int at = whole.isEmpty() ? 0 : random.nextInt(whole.length());
        text.replaceWhole(whole.substring(0, at));
        return "truncate at byte " + at;
    }

    private static String changeDelimiters(X12Text text, Random random, MutatedRemittances source) {
        char[] candidates = {'*', '|', '^', ':', '~', '+', '!', '>', '\u001d', '\n', ' ', 'A', '0', '\u00e9'};
        char other = candidates[random.nextInt(candidates.length)];
        switch (random.nextInt(6)) {
            case 0 -> {
                text.mapBody(s -> s.replace(text.element, other));
                return "element separator in the body -> " + printable(other);
            }
            case 1 -> {
                text.element = other;
                return "element separator everywhere -> " + printable(other);
            }
            case 2 -> {
                text.terminator = other;
                return "segment terminator everywhere -> " + printable(other);
            }
            case 3 -> {
                text.terminator = '\n';
                text.lineBreak = "";
                return "segment terminator -> newline";
            }
            case 4 -> {
                // the ISA declares one separator, the rest of the file uses another
                if (!text.segments.isEmpty() && text.segments.get(0).startsWith("ISA") && text.segments.get(0).length() > 3) {
                    String isa = text.segments.get(0);
                    text.segments.set(0, isa.replace(text.element, other));
                }
                return "ISA's element separator only -> " + printable(other);
            }
            default -> {
                text.mapBody(s -> s.replace(text.component, other));
                return "component separator in the body -> " + printable(other);
            }
        }
    }

    private static String addElements(X12Text text, Random random, MutatedRemittances source) {
        int at = randomSegment(text, random);
        if (at < 0) {
            return "add elements (nothing)";
        }
        int extra = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
        StringBuilder segment = new StringBuilder(text.segments.get(at));
        for (int i = 0; i < extra; i++) {
            segment.append('*').append(random.nextBoolean() ? "" : randomValue(random));
        }
        text.segments.set(at, segment.toString());
        return "add " + extra + " elements to " + describe(at, text.segments.get(at));
    }

    private static String dropElements(X12Text text, Random random, MutatedRemittances source) {
        int at = randomSegment(text, random);
        if (at < 0) {
            return "drop elements (nothing)";
        }
        List<String> elements = new ArrayList<>(List.of(text.segments.get(at).split("\\*", -1)));
        if (elements.size() < 2) {
            return "drop elements (none in " + describe(at, text.segments.get(at)) + ")";
        }
        String what;
        if (random.nextBoolean()) {
            int keep = 1 + random.nextInt(elements.size() - 1);
            elements = elements.subList(0, keep);
            what = "keep " + (keep - 1) + " elements of ";
        } else {
            int drop = 1 + random.nextInt(elements.size() - 1);
            elements.remove(drop);
            what = "drop element " + drop + " of ";
        }
        text.segments.set(at, String.join("*", elements));
        return what + describe(at, text.segments.get(at));
    }

    private static final List<String> BAD_NUMBERS = List.of("12.3.4", "-", ".", "1E5", "1e-2", "NaN", "+12", "--1",
            "12,50", "$100.00", "0x1F", " 1 2 ", "99999999999999999999999.99", "-99999999999999999999",
            "999999999999.99", "1000000000000", "0.000000000000000000001", "1" + "0".repeat(400),
            "-0", "00000000000000000001.5", "\u0661\u0662", "\uFF11\uFF12");

    private static String garbleNumber(X12Text text, Random random, MutatedRemittances source) {
        int at = segmentWithTag(text, random, "BPR", "CLP", "CAS", "SVC", "PLB", "AMT", "QTY", "SE", "GE", "IEA", "LX",
                "MIA", "MOA");
        if (at < 0) {
            return "garble number (nothing)";
        }
        String bad = BAD_NUMBERS.get(random.nextInt(BAD_NUMBERS.size()));
        return "number " + setElement(text, at, 1 + random.nextInt(6), bad, random) + " = " + abbreviate(bad);
    }

    private static final List<String> BAD_DATES = List.of("20241332", "20240230", "00000000", "99999999",
            "2024-01-01", "2024021", "202402011", "19000229", "ABCDEFGH", "20240101.5", "-20240101", "0", "");

    private static String garbleDate(X12Text text, Random random, MutatedRemittances source) {
        int at = segmentWithTag(text, random, "DTM", "BPR", "GS", "ISA", "PLB");
        if (at < 0) {
            return "garble date (nothing)";
        }
        String tag = tagOf(text.segments.get(at));
        int element = switch (tag) {
            case "DTM" -> 2;
            case "BPR" -> 16;
            case "GS" -> 4;
            case "ISA" -> 9;
            default -> 2;
        };
        String bad = BAD_DATES.get(random.nextInt(BAD_DATES.size()));
        return "date " + setElement(text, at, element, bad, random) + " = '" + bad + "'";
    }

    private static String wrongControl(X12Text text, Random random, MutatedRemittances source) {
        int at = segmentWithTag(text, random, "SE", "GE", "IEA", "ST", "GS");
        if (at < 0) {
            return "wrong control (nothing)";
        }
        String tag = tagOf(text.segments.get(at));
        int element = switch (tag) {
            case "ST" -> 2;
            case "GS" -> 6;
            default -> 1 + random.nextInt(2);
        };
        String[] values = {"0", "1", "2", "999999999", "-1", "A", "", "00000000000000000000001", "1.0",
                String.valueOf(random.nextInt(100))};
        String value = values[random.nextInt(values.length)];
        return "control " + setElement(text, at, element, value, random) + " = '" + value + "'";
    }

    private static String binaryJunk(X12Text text, Random random, MutatedRemittances source) {
        String whole = text.render();
        byte[] junk = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 4096 : 64)];
        random.nextBytes(junk);
        String bytes = new String(junk, StandardCharsets.ISO_8859_1);
        switch (random.nextInt(3)) {
            case 0 -> {
                int at = whole.isEmpty() ? 0 : random.nextInt(whole.length());
                text.replaceWhole(whole.substring(0, at) + bytes + whole.substring(at));
                return "insert " + junk.length + " random bytes at " + at;
            }
            case 1 -> {
                int at = whole.isEmpty() ? 0 : random.nextInt(whole.length());
                int end = Math.min(whole.length(), at + junk.length);
                text.replaceWhole(whole.substring(0, at) + bytes + whole.substring(end));
                return "overwrite " + junk.length + " bytes at " + at + " with random bytes";
            }
            default -> {
                text.replaceWhole(random.nextBoolean() ? bytes : whole.substring(0, Math.min(whole.length(), 106)) + bytes);
                return "random bytes" + (text.render().startsWith("ISA") ? " after the ISA" : "");
            }
        }
    }

    private static String hugeValue(X12Text text, Random random, MutatedRemittances source) {
        int at = segmentWithTag(text, random, "CLP", "TRN", "N1", "SVC", "NM1", "REF", "CAS", "BPR", "LQ", "PLB",
                "ST", "GS", "DTM", "AMT");
        if (at < 0) {
            return "huge value (nothing)";
        }
        int length = random.nextInt(5) == 0 ? 1_000_000 + random.nextInt(1_000_000) : 40 + random.nextInt(20_000);
        char fill = "A9 :*.^".charAt(random.nextInt(7));
        String huge = String.valueOf(fill).repeat(length);
        return "huge " + setElement(text, at, 1 + random.nextInt(5), huge, random) + " of " + length + " '"
                + printable(fill) + "'";
    }

    private static String renameSegment(X12Text text, Random random, MutatedRemittances source) {
        int at = randomSegment(text, random);
        if (at < 0) {
            return "rename (nothing)";
        }
        String[] tags = {"CLP", "SVC", "CAS", "ST", "SE", "GS", "GE", "IEA", "ISA", "BPR", "TRN", "N1", "PLB", "XYZ",
                "clp", "", "C", "CLPX", "12", "~", "ISB"};
        String segment = text.segments.get(at);
        String tag = tags[random.nextInt(tags.length)];
        int star = segment.indexOf('*');
        text.segments.set(at, tag + (star < 0 ? "" : segment.substring(star)));
        return "rename " + describe(at, segment) + " to '" + tag + "'";
    }

    private static String segmentFromAnotherFile(X12Text text, Random random, MutatedRemittances source) {
        Base other = source.bases.get(random.nextInt(source.bases.size()));
        X12Text otherText = X12Text.of(other.text());
        if (otherText.segments.isEmpty()) {
            return "splice (nothing)";
        }
        int from = random.nextInt(otherText.segments.size());
        int count = 1 + random.nextInt(Math.min(12, otherText.segments.size() - from));
        int to = random.nextInt(text.segments.size() + 1);
        text.segments.addAll(to, otherText.segments.subList(from, from + count));
        return "splice " + count + " segments of " + other.name() + " from " + from + " at " + to;
    }

    private static String repeatSegment(X12Text text, Random random, MutatedRemittances source) {
        int at = segmentWithTag(text, random, "CAS", "SVC", "CLP", "LQ", "REF", "PLB", "DTM", "NM1");
        if (at < 0) {
            return "repeat (nothing)";
        }
        int times = 2 + random.nextInt(random.nextInt(8) == 0 ? 5_000 : 50);
        String segment = text.segments.get(at);
        for (int i = 0; i < times; i++) {
            text.segments.add(at, segment);
        }
        return "repeat " + describe(at, segment) + " " + times + " times";
    }

    private static String foreignCharacters(X12Text text, Random random, MutatedRemittances source) {
        int at = randomSegment(text, random);
        if (at < 0) {
            return "foreign characters (nothing)";
        }
        String[] values = {
                "JOS\u00c9", // as one ISO-8859-1 byte: not UTF-8, reads as Windows-1252
                new String("JOS\u00c9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), // proper UTF-8
                new String("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), // emoji
                "\u00c3", // a lone UTF-8 lead byte
                "\u0081\u008d\u008f\u0090\u009d", // undefined in Windows-1252
                "\0", "\u0007", "\u001b[31m", "\u00ff\u00fe"};
        String value = values[random.nextInt(values.length)];
        return "characters " + setElement(text, at, 1 + random.nextInt(4), value, random);
    }

    private static String emptyElement(X12Text text, Random random, MutatedRemittances source) {
        int at = randomSegment(text, random);
        if (at < 0) {
            return "empty element (nothing)";
        }
        return "empty " + setElement(text, at, 1 + random.nextInt(8), random.nextBoolean() ? "" : "   ", random);
    }

    private static String joinSegments(X12Text text, Random random, MutatedRemittances source) {
        if (text.segments.size() < 2) {
            return "join (nothing)";
        }
        int at = random.nextInt(text.segments.size() - 1);
        String joined = text.segments.get(at) + (random.nextBoolean() ? "*" : "") + text.segments.remove(at + 1);
        text.segments.set(at, joined);
        return "join segments " + at + " and " + (at + 1);
    }

    private static String lineBreaks(X12Text text, Random random, MutatedRemittances source) {
        int at = randomSegment(text, random);
        if (at < 0) {
            return "line breaks (nothing)";
        }
        String segment = text.segments.get(at);
        int where = random.nextInt(segment.length() + 1);
        String breakText = random.nextBoolean() ? "\r\n" : random.nextBoolean() ? "\n\n\n" : "\r";
        text.segments.set(at, segment.substring(0, where) + breakText + segment.substring(where));
        return "line break inside " + describe(at, segment) + " at " + where;
    }

    private static String garbleIsa(X12Text text, Random random, MutatedRemittances source) {
        int at = segmentWithTag(text, random, "ISA");
        if (at < 0) {
            return "garble ISA (nothing)";
        }
        String isa = text.segments.get(at);
        int where = isa.isEmpty() ? 0 : random.nextInt(isa.length());
        String changed = switch (random.nextInt(4)) {
            case 0 -> isa.substring(0, where) + isa.substring(Math.min(isa.length(), where + 1)); // one character less
            case 1 -> isa.substring(0, where) + "X" + isa.substring(where); // one more
            case 2 -> isa.substring(0, where) + (char) (32 + random.nextInt(95)) + isa.substring(Math.min(isa.length(), where + 1));
            default -> isa.substring(0, where);
        };
        text.segments.set(at, changed);
        return "garble ISA at " + where;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Sets element {@code element} of the segment (in the usual '*' notation), adding empty ones as needed. */
    private static String setElement(X12Text text, int at, int element, String value, Random random) {
        String segment = text.segments.get(at);
        List<String> elements = new ArrayList<>(List.of(segment.split("\\*", -1)));
        while (elements.size() <= element) {
            elements.add("");
        }
        elements.set(element, value);
        text.segments.set(at, String.join("*", elements));
        return tagOf(segment) + String.format("%02d", element) + " of segment " + (at + 1);
    }

    private static int randomSegment(X12Text text, Random random) {
        return text.segments.isEmpty() ? -1 : random.nextInt(text.segments.size());
    }

    private static int segmentWithTag(X12Text text, Random random, String... tags) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < text.segments.size(); i++) {
            String tag = tagOf(text.segments.get(i));
            for (String wanted : tags) {
                if (wanted.equals(tag)) {
                    found.add(i);
                }
            }
        }
        return found.isEmpty() ? randomSegment(text, random) : found.get(random.nextInt(found.size()));
    }

    private static String tagOf(String segment) {
        int star = segment.indexOf('*');
        return star < 0 ? segment : segment.substring(0, star);
    }

    private static String describe(int at, String segment) {
        return "segment " + (at + 1) + " (" + abbreviate(tagOf(segment)) + ")";
    }

    private static String abbreviate(String value) {
        return value.length() <= 12 ? value : value.substring(0, 12) + "...(" + value.length() + ")";
    }

    private static String randomValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(random.nextInt(100_000));
            case 1 -> "XX";
            case 2 -> "HC:90837:95";
            default -> Long.toString(random.nextLong(), 36);
        };
    }

    private static String printable(char c) {
        return c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<String> realSampleNames() {
        try (Stream<Path> files = Files.list(Path.of(Samples.class.getResource("/samples/835/real").toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".835")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String generate(GeneratorSettings settings) {
        StringWriter out = new StringWriter();
        try {
            new RemittanceGenerator().write(settings, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A file as its segments in the usual notation ('*' between elements, ':' between components), with the
     * delimiters it is written out with. Whatever precedes the ISA is kept as it is.
     */
    private static final class X12Text {

        String preamble = "";
        final List<String> segments = new ArrayList<>();
        char element = '*';
        char component = ':';
        char terminator = '~';
        String lineBreak = "";
        /** Set when a mutation worked on the raw text: the file is that text, no longer its segments. */
        String whole;

        static X12Text of(String raw) {
            X12Text text = new X12Text();
            int isa = raw.indexOf("ISA");
            if (isa < 0 || raw.length() < isa + 4) {
                text.whole = raw;
                return text;
            }
            char element = raw.charAt(isa + 3);
            int seen = 0;
            int at = isa + 3;
            while (at < raw.length() && seen < 16) {
                if (raw.charAt(at) == element) {
                    seen++;
                }
                at++;
            }
            if (seen < 16 || at + 1 >= raw.length()) {
                text.whole = raw;
                return text;
            }
            text.element = element;
            text.component = raw.charAt(at);
            text.terminator = raw.charAt(at + 1);
            text.preamble = raw.substring(0, isa);
            int after = at + 2;
            StringBuilder lineBreak = new StringBuilder();
            while (after < raw.length() && (raw.charAt(after) == '\r' || raw.charAt(after) == '\n')) {
                lineBreak.append(raw.charAt(after++));
            }
            text.lineBreak = lineBreak.toString();
            for (String segment : raw.substring(isa).split(java.util.regex.Pattern.quote(String.valueOf(text.terminator)))) {
                String trimmed = segment.strip();
                if (!trimmed.isEmpty()) {
                    // the usual notation inside, so mutations need not know the file's delimiters
                    text.segments.add(toUsual(trimmed, element, text.component));
                }
            }
            // the ISA's component separator is ISA16 itself, not a separator there
            if (!text.segments.isEmpty()) {
                String first = text.segments.get(0);
                text.segments.set(0, first.substring(0, first.length() - 1) + ':');
            }
            return text;
        }

        void mapBody(UnaryOperator<String> change) {
            for (int i = 1; i < segments.size(); i++) {
                segments.set(i, change.apply(segments.get(i)));
            }
        }

        void replaceWhole(String raw) {
            whole = raw;
            segments.clear();
        }

        String render() {
            if (whole != null) {
                return whole;
            }
            StringBuilder out = new StringBuilder(preamble);
            for (String segment : segments) {
                out.append(fromUsual(segment)).append(terminator).append(lineBreak);
            }
            return out.toString();
        }

        byte[] bytes() {
            return render().getBytes(StandardCharsets.ISO_8859_1);
        }

        private static String toUsual(String segment, char element, char component) {
            if (element == '*' && component == ':') {
                return segment;
            }
            StringBuilder out = new StringBuilder(segment.length());
            for (char c : segment.toCharArray()) {
                out.append(c == element ? '*' : c == component ? ':' : c == '*' ? '\u0001' : c == ':' ? '\u0002' : c);
            }
            return out.toString();
        }

        private String fromUsual(String segment) {
            StringBuilder out = new StringBuilder(segment.length());
            for (char c : segment.toCharArray()) {
                out.append(c == '*' ? element : c == ':' ? component : c == '\u0001' ? '*' : c == '\u0002' ? ':' : c);
            }
            return out.toString();
        }
    }
}

package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.AcknowledgementParser;
import org.overturn.x12.MalformedX12Exception;

/** The real X12 files under {@code samples/x12/real} (see SOURCES.md there), read by the acknowledgement parser. */
final class AckSamples {

    private AckSamples() {
    }

    static byte[] bytes(String path) {
        String resource = path.startsWith("/") ? path : "/samples/x12/real/" + path;
        try (InputStream in = AckSamples.class.getResourceAsStream(resource)) {
            assertThat(in).as("sample %s", resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AcknowledgementFile parse(String name) throws MalformedX12Exception {
        return AcknowledgementParser.standard().parse(bytes(name));
    }

    static AcknowledgementFile parseText(String text) throws MalformedX12Exception {
        return AcknowledgementParser.standard().parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The sample with one piece of text replaced; the piece must occur exactly once. */
    static AcknowledgementFile parseRepaired(String name, String defect, String repair) throws MalformedX12Exception {
        return parseText(repaired(name, defect, repair));
    }

    static String repaired(String name, String defect, String repair) {
        String text = new String(bytes(name), StandardCharsets.ISO_8859_1);
        assertThat(text.split(java.util.regex.Pattern.quote(defect), -1)).as("occurrences of %s + 1", defect)
                .hasSize(2);
        return text.replace(defect, repair);
    }

    static MalformedX12Exception rejection(String name) {
        return rejectionOf(() -> parse(name), name);
    }

    static MalformedX12Exception rejectionOfText(String text) {
        return rejectionOf(() -> parseText(text), "the text");
    }

    private static MalformedX12Exception rejectionOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                                     String what) {
        MalformedX12Exception e = catchThrowableOfType(call, MalformedX12Exception.class);
        assertThat(e).as("%s is refused", what).isNotNull();
        return e;
    }
}

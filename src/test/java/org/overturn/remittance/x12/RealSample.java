package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;

/** The real 835 files under {@code samples/835/real}, read by the product's parser. */
final class RealSample {

    static final String FOLDER = "/samples/835/real/";

    private RealSample() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = RealSample.class.getResourceAsStream(FOLDER + name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RemittanceFile parse(String name) throws MalformedX12Exception {
        return RemittanceParser.standard().parse(new ByteArrayInputStream(bytes(name)));
    }

    /**
     * The sample with its one structural defect repaired, to check that everything else in it is read: the
     * defect must occur exactly once.
     */
    static RemittanceFile parseRepaired(String name, String defect, String repair)
            throws MalformedX12Exception {
        String text = new String(bytes(name), StandardCharsets.ISO_8859_1);
        assertThat(text.split(java.util.regex.Pattern.quote(defect), -1)).as("occurrences of the defect + 1")
                .hasSize(2);
        byte[] repaired = text.replace(defect, repair).getBytes(StandardCharsets.ISO_8859_1);
        return RemittanceParser.standard().parse(new ByteArrayInputStream(repaired));
    }

    static MalformedX12Exception rejection(String name) {
        MalformedX12Exception e = catchThrowableOfType(() -> parse(name), MalformedX12Exception.class);
        assertThat(e).as("%s is rejected", name).isNotNull();
        return e;
    }
}

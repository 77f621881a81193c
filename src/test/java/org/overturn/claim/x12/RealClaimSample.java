package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.x12.MalformedX12Exception;

/** The real 837 files under {@code samples/x12/real} (see SOURCES.md there), read by the product's parser. */
final class RealClaimSample {

    static final String FOLDER = "/samples/x12/real/";

    /**
     * The imsweb files declare ISA12 00501 but keep the 4010 standards id 'U' in ISA11, where 5010 puts the
     * repetition separator; the shared X12 reader refuses that header (as it does for an 835), so their content is
     * read with '^' put there instead ('!' in the file whose components are '^').
     */
    static final String IMSWEB_ISA11 = "*U*00501*";

    private RealClaimSample() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = RealClaimSample.class.getResourceAsStream(FOLDER + name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClaimFile parse(String name) throws MalformedX12Exception {
        return ClaimParser.standard().parse(bytes(name));
    }

    /**
     * The sample with one defect repaired, to check that everything else in it is read: the defect must occur
     * exactly once.
     */
    static ClaimFile parseRepaired(String name, String defect, String repair) throws MalformedX12Exception {
        String text = new String(bytes(name), StandardCharsets.ISO_8859_1);
        assertThat(text.split(Pattern.quote(defect), -1)).as("occurrences of the defect + 1").hasSize(2);
        return ClaimParser.standard().parse(text.replace(defect, repair).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An imsweb sample with its ISA11 repaired (see {@link #IMSWEB_ISA11}). */
    static ClaimFile parseImsweb(String name) throws MalformedX12Exception {
        String text = new String(bytes(name), StandardCharsets.ISO_8859_1);
        return text.startsWith("ISA~") ? parseRepaired(name, "~U~00501~", "~!~00501~")
                : parseRepaired(name, IMSWEB_ISA11, "*^*00501*");
    }

    static MalformedX12Exception rejection(String name) {
        MalformedX12Exception e = catchThrowableOfType(() -> parse(name), MalformedX12Exception.class);
        assertThat(e).as("%s is rejected", name).isNotNull();
        return e;
    }
}

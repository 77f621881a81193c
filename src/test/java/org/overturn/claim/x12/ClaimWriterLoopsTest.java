package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;
import com.imsweb.x12.reader.X12Reader.FileType;
import org.junit.jupiter.api.Test;
import org.overturn.claim.ClaimWriter;

/**
 * A second opinion on the layout: imsweb's x12-parser (a test dependency, with its own maps of 005010X222A1 and
 * 005010X223A1) reads what the writer wrote into the guides' loops and lists what it finds missing or out of place.
 *
 * <p>What it still finds is known and named here, so that a change shows: it tells the 837I's HI segments apart by
 * tag only and so counts HI*ABF / HI*BI after HI*ABK as "too many" (it says the same of stupidedi's X223A2 sample in
 * samples/x12/real); and the model has no patient address, so a dependent's 2010CA goes without the N3/N4 the
 * guides require.
 */
class ClaimWriterLoopsTest {

    private static final List<String> NO_PATIENT_ADDRESS = List.of(
            "N3 in loop 2010CA is required but not found", "N4 in loop 2010CA is required but not found");
    private static final String HI_BY_TAG_ONLY = "HI in loop 2300 appears too many times";

    private final ClaimWriter writer = ClaimWriter.standard();

    @Test
    void theProfessionalFileReadsIntoTheX222Loops() throws IOException {
        X12Reader reader = read(FileType.ANSI837_5010_X222, writer.write(ClaimBatches.professional()));

        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).containsExactlyInAnyOrderElementsOf(NO_PATIENT_ADDRESS);
        Loop interchange = reader.getLoops().get(0);
        assertThat(interchange.findLoop("2000A")).hasSize(2);
        assertThat(interchange.findLoop("2010AA")).hasSize(2);
        assertThat(interchange.findLoop("2000B")).hasSize(3);
        assertThat(interchange.findLoop("2010BB")).hasSize(3);
        assertThat(interchange.findLoop("2000C")).hasSize(1);
        assertThat(interchange.findLoop("2010CA")).hasSize(1);
        assertThat(interchange.findLoop("2300")).hasSize(4);
        assertThat(interchange.findLoop("2310B")).hasSize(3);
        assertThat(interchange.findLoop("2400")).hasSize(6);
        assertThat(interchange.findLoop("2420A")).hasSize(1);
    }

    @Test
    void theInstitutionalFileReadsIntoTheX223Loops() throws IOException {
        X12Reader reader = read(FileType.ANSI837_5010_X223, writer.write(ClaimBatches.institutional()));

        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).containsAll(NO_PATIENT_ADDRESS)
                .allMatch(error -> NO_PATIENT_ADDRESS.contains(error) || error.equals(HI_BY_TAG_ONLY));
        Loop interchange = reader.getLoops().get(0);
        assertThat(interchange.findLoop("2000A")).hasSize(1);
        assertThat(interchange.findLoop("2000B")).hasSize(3);
        assertThat(interchange.findLoop("2010CA")).hasSize(1);
        assertThat(interchange.findLoop("2300")).hasSize(3);
        assertThat(interchange.findLoop("2310A")).hasSize(3);
        assertThat(interchange.findLoop("2400")).hasSize(5);
        assertThat(interchange.findLoop("2420C")).hasSize(1);
    }

    @Test
    void withoutADependentTheProfessionalFileHasNothingMissing() throws IOException {
        X12Reader reader = read(FileType.ANSI837_5010_X222, writer.write(ClaimBatches.batch(
                ClaimBatches.professional().kind(), List.of(ClaimBatches.psychotherapyByTelehealth(),
                        ClaimBatches.replacedPsychiatryVisit(),
                        ClaimBatches.diagnosticEvaluationBySoloPsychologist()))));

        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
    }

    private static X12Reader read(FileType type, byte[] written) throws IOException {
        return new X12Reader(type, new ByteArrayInputStream(written));
    }
}

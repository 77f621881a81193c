package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.claim.ClaimTransaction;
import org.overturn.claim.ClaimWriter;
import org.overturn.x12.MalformedX12Exception;

/**
 * What the writer writes, the product's own 837 reader reads back to the same claims: record equality, field for
 * field, of every claim, its people, providers (the billing provider's address and tax id included), diagnoses,
 * occurrence spans and lines.
 *
 * <p>The batches are behavioral-health claims ({@link ClaimBatches}): on the 837P, 90837-95 in the patient's home
 * (POS 10), 99214 with the 90833 add-on replacing (7) a claim with REF*F8, REF*G1 and REF*9F and a line REF*G1,
 * H0015-HF for a dependent voided (8) with a three-day RD8 line by telehealth (SV105 02) rendered by another
 * clinician (2420A), and 90791 by a solo psychologist billing as a person; on the 837I, type of bill 0131 with
 * revenue codes 0905, 0906 and a revenue-only 0912 line with its own rendering provider and an occurrence span,
 * 0137 for a dependent (REF*F8, REF*G1, REF*9F), and an inpatient 0118 void with its admission date.
 *
 * <p>Free text is given upper-case and X12-safe, as the writer writes it; amounts are given at the scale they are
 * written. For equality the reader must give: the billing provider's N3/N4 as {@code ClaimProvider.address} and REF*EI
 * as its tax id, a provider without address or tax id elsewhere; a patient who is the subscriber as the subscriber,
 * and a dependent with the subscriber's member id; amounts at the scale they were written.
 */
class ClaimWriterRoundTripTest {

    static Stream<Arguments> batches() {
        return Stream.of(
                Arguments.of("837P: psychotherapy, psychiatry with add-on, dependent's SUD IOP, solo psychologist",
                        ClaimBatches.professional()),
                Arguments.of("837I: IOP/PHP type of bill 0131, dependent's replacement, inpatient void",
                        ClaimBatches.institutional()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void whatIsWrittenReadsBackAsTheSameClaims(String name, ClaimBatch batch) throws MalformedX12Exception {
        byte[] written = ClaimWriter.standard().write(batch);

        ClaimFile file = ClaimParser.standard().parse(written);

        assertThat(file.transactions()).hasSize(1);
        ClaimTransaction transaction = file.transactions().get(0);
        assertThat(transaction.kind()).isEqualTo(batch.kind());
        assertThat(transaction.implementation()).isEqualTo(batch.kind().implementation());
        assertThat(Long.parseLong(transaction.interchangeControlNumber())).isEqualTo(batch.interchangeControlNumber());
        assertThat(transaction.interchangeDate()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(transaction.groupControlNumber()).isEqualTo("42");
        assertThat(transaction.controlNumber()).isEqualTo("0001");
        assertThat(transaction.purpose()).isEqualTo("00");
        assertThat(transaction.reference()).isEqualTo(batch.reference());
        assertThat(transaction.createdOn()).isEqualTo(batch.createdAt().toLocalDate());
        assertThat(transaction.transactionType()).isEqualTo("CH");
        assertThat(transaction.submitter()).isEqualTo(batch.submitter());
        assertThat(transaction.receiver()).isEqualTo(batch.receiver());
        assertThat(transaction.claims()).hasSameSizeAs(batch.claims());
        for (int i = 0; i < batch.claims().size(); i++) {
            // field by field first, for a difference one can read (BilledClaim's toString masks everything)
            assertThat(transaction.claims().get(i)).as("claim " + (i + 1))
                    .usingRecursiveComparison().isEqualTo(batch.claims().get(i));
        }
        assertThat(transaction.claims()).isEqualTo(batch.claims());
    }
}

package org.overturn.claim.x12;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;

/**
 * Writes a batch as one 837P (005010X222A1) or 837I (005010X223A2) interchange: ISA, one GS group, one ST
 * transaction set, GE, IEA.
 *
 * <p>Envelope: ISA01-04 {@code 00} with blank authorization and security, ISA05/ISA07 {@code ZZ} (mutually defined)
 * with the sender and receiver ids padded to 15, ISA09/ISA10 the batch's creation time, ISA11 {@code ^}, ISA12
 * {@code 00501}, ISA13 the control number zero-padded to 9 digits, ISA14 {@code 0} (no TA1 asked for), ISA15
 * {@code P} or {@code T}, ISA16 {@code :}; GS01 {@code HC}, GS06 the same control number, GS08 the kind's
 * implementation; ST02 {@code 0001}; BHT {@code 0019*00*reference*date*time*CH}.
 *
 * <p>Hierarchy: the claims are written in the batch's order, each under a billing provider level (HL 20), a
 * subscriber level (HL 22: subscriber, payer and filing indicator) and, for a dependent, a patient level (HL 23).
 * A claim shares the levels of the claim before it when they are the same; claims are never reordered, so the
 * file read back gives the claims in the order they were given (a billing provider that comes back after another
 * gets a second HL 20, which the guides allow).
 *
 * <p>Everything refused is refused before a byte is written ({@link ClaimBatchCheck}); what the model does not carry
 * and the guides require is written with the defaults {@link Claim837Segments} lists; free text is made X12-safe and
 * identifiers are written as given ({@link X12Text}). Thread-safe: holds no state between calls.
 *
 * <p>Not written, for the model does not hold it: the subscriber's and the patient's address. The guides require
 * N3/N4 in 2010CA (a dependent) and in 2010BA when the subscriber is the patient, so a clearinghouse that
 * checks the guide rejects such a claim until {@code ClaimPerson} carries an address.
 */
public final class X12ClaimWriter implements ClaimWriter {

    private static final String BLANK_10 = " ".repeat(10);

    @Override
    public byte[] write(ClaimBatch batch) {
        Objects.requireNonNull(batch, "batch");
        Map<String, ClaimProvider> named = namedProviders(batch);
        ClaimBatchCheck.check(batch, named);

        SegmentWriter out = new SegmentWriter();
        String control = String.valueOf(batch.interchangeControlNumber());
        String sender = X12Text.requiredId("ISA06 sender id", batch.senderId());
        String receiver = X12Text.requiredId("ISA08 receiver id", batch.receiverId());
        out.writeInterchangeHeader("00", BLANK_10, "00", BLANK_10, "ZZ", pad15(sender), "ZZ", pad15(receiver),
                X12Text.shortDate(batch.createdAt()), X12Text.time(batch.createdAt()),
                String.valueOf(X12Text.REPETITION), "00501", String.format("%09d", batch.interchangeControlNumber()),
                "0", batch.production() ? "P" : "T", String.valueOf(X12Text.COMPONENT));
        out.write("GS", "HC", sender, receiver, X12Text.date(batch.createdAt()), X12Text.time(batch.createdAt()),
                control, "X", batch.kind().implementation());

        Claim837Segments segments = new Claim837Segments(out, batch.kind(), named);
        segments.header(batch);
        int hl = 0;
        int claimNumber = 0;
        for (ProviderLevel provider : levels(batch.claims())) {
            int providerHl = ++hl;
            segments.billingProvider(providerHl, provider.provider());
            for (SubscriberLevel subscriber : provider.subscribers()) {
                int subscriberHl = ++hl;
                segments.subscriber(subscriberHl, providerHl, subscriber.dependents(), subscriber.subscriber(),
                        subscriber.payer(), subscriber.filingIndicator());
                for (PatientLevel patient : subscriber.patients()) {
                    if (patient.dependent() != null) {
                        segments.patient(++hl, subscriberHl, patient.dependent());
                    }
                    for (BilledClaim claim : patient.claims()) {
                        segments.claim("claim " + ++claimNumber, claim);
                    }
                }
            }
        }
        segments.trailer();

        out.write("GE", "1", control);
        out.write("IEA", "1", String.format("%09d", batch.interchangeControlNumber()));
        return out.bytes();
    }

    /**
     * The providers a line's rendering NPI (2420A/2420C) is named from, since the line keeps only the NPI and the
     * 837 needs the name too: the claims' rendering providers first, then their billing providers.
     */
    static Map<String, ClaimProvider> namedProviders(ClaimBatch batch) {
        Map<String, ClaimProvider> named = new HashMap<>();
        for (BilledClaim claim : batch.claims()) {
            ClaimProvider rendering = claim.renderingProvider();
            if (rendering != null && rendering.npi() != null && rendering.lastName() != null) {
                named.putIfAbsent(rendering.npi(), rendering);
            }
        }
        for (BilledClaim claim : batch.claims()) {
            ClaimProvider billing = claim.billingProvider();
            if (billing != null && billing.npi() != null && billing.lastName() != null) {
                named.putIfAbsent(billing.npi(), billing);
            }
        }
        return named;
    }

    private static String pad15(String id) {
        return String.format("%-15s", id);
    }

    private record ProviderLevel(ClaimProvider provider, List<SubscriberLevel> subscribers) {
    }

    private record SubscriberLevel(ClaimPerson subscriber, ClaimParty payer, String filingIndicator,
                                   boolean dependents, List<PatientLevel> patients) {

        boolean holds(BilledClaim claim) {
            return subscriber.equals(claim.subscriber()) && payer.equals(claim.payer())
                    && Objects.equals(filingIndicator, claim.filingIndicator()) && dependents == isDependent(claim);
        }
    }

    /** The claims of one patient: a dependent's under an HL 23, or the subscriber's own (dependent null). */
    private record PatientLevel(ClaimPerson dependent, List<BilledClaim> claims) {
    }

    /** Consecutive claims that share a billing provider, a subscriber level, a patient share their levels. */
    private static List<ProviderLevel> levels(List<BilledClaim> claims) {
        List<ProviderLevel> providers = new ArrayList<>();
        ProviderLevel provider = null;
        SubscriberLevel subscriber = null;
        PatientLevel patient = null;
        for (BilledClaim claim : claims) {
            if (provider == null || !provider.provider().equals(claim.billingProvider())) {
                provider = new ProviderLevel(claim.billingProvider(), new ArrayList<>());
                providers.add(provider);
                subscriber = null;
            }
            if (subscriber == null || !subscriber.holds(claim)) {
                subscriber = new SubscriberLevel(claim.subscriber(), claim.payer(), claim.filingIndicator(),
                        isDependent(claim), new ArrayList<>());
                provider.subscribers().add(subscriber);
                patient = null;
            }
            ClaimPerson dependent = isDependent(claim) ? claim.patient() : null;
            if (patient == null || !Objects.equals(patient.dependent(), dependent)) {
                patient = new PatientLevel(dependent, new ArrayList<>());
                subscriber.patients().add(patient);
            }
            patient.claims().add(claim);
        }
        return providers;
    }

    private static boolean isDependent(BilledClaim claim) {
        return claim.patient() != null && !claim.patient().equals(claim.subscriber());
    }
}

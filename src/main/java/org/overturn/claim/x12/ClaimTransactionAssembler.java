package org.overturn.claim.x12;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Envelope;

/**
 * Builds one 837 transaction set from its segments, following its loops: BHT, submitter 1000A and receiver 1000B,
 * then the HL hierarchy (2000A billing provider with 2010AA, 2000B subscriber with 2010BA and payer 2010BB, 2000C
 * patient with 2010CA), each claim 2300 with its providers 2310, other payers 2320/2330 and lines 2400/2420.
 *
 * <p>The same segment means different things in different loops: a REF*G1 after CLM is the claim's prior
 * authorization, after an other payer's NM1*PR (2330B) it is that payer's and is skipped; an NM1*82 is the claim's
 * rendering provider in 2310, an other payer's in 2330, a line's in 2420. So REF and DTP are read in the loop they
 * open into only (2300 proper, 2400 proper); HI, which exists only in 2300, is read wherever the claim is open.
 * Segments this product has no use for (PER, N3, N4, PAT, CL1, CN1, AMT, SVD, CAS, NTE ...) are skipped.
 *
 * <p>What is refused: a claim that cannot be whole (no CLM01 or CLM02, no billing provider, subscriber or payer
 * above it, a line without its service, a service without its procedure), a segment that cannot be placed (an NM1
 * without its entity code, an SV1 in an 837I), and values that are not what they say (a charge that is not a
 * number, a date that is not one). What is tolerated: codes outside their code lists (POS 95, gender R, NPIs that
 * fail the check digit), missing parts the model can do without (no HI, no DMG, no BHT), charges that do not
 * balance: those are the payer's to judge, and a denial worked from such a claim needs them as sent.
 */
final class ClaimTransactionAssembler implements X12Envelope.TransactionReader {

    private enum Loop {
        HEADER, BILLING, BILLING_NAME, BILLING_OTHER, SUBSCRIBER, SUBSCRIBER_NAME, SUBSCRIBER_OTHER, PATIENT,
        PATIENT_NAME, PATIENT_OTHER, CLAIM, CLAIM_PROVIDER, CLAIM_OTHER, OTHER_PAYER, LINE, LINE_OTHER
    }

    private final ClaimImplementation implementation;
    private final String interchangeControlNumber;
    private final LocalDate interchangeDate;
    private final String groupControlNumber;
    private final String controlNumber;

    private Loop loop = Loop.HEADER;
    private boolean headed;
    private String purpose;
    private String reference;
    private LocalDate createdOn;
    private String transactionType;
    private ClaimParty submitter;
    private ClaimParty receiver;
    private final ClaimHierarchy hierarchy = new ClaimHierarchy();
    private ClaimPersonBuilder person;
    private ClaimProviderBuilder provider;
    private BilledClaimBuilder claim;
    private BilledLineBuilder line;
    private final List<BilledClaim> claims = new ArrayList<>();

    ClaimTransactionAssembler(ClaimImplementation implementation, String interchangeControlNumber,
                              LocalDate interchangeDate, String groupControlNumber, String controlNumber) {
        this.implementation = implementation;
        this.interchangeControlNumber = interchangeControlNumber;
        this.interchangeDate = interchangeDate;
        this.groupControlNumber = groupControlNumber;
        this.controlNumber = controlNumber;
    }

    @Override
    public void accept(Segment segment) throws MalformedX12Exception {
        switch (segment.tag()) {
            case "BHT" -> header(segment);
            case "NM1" -> name(segment);
            case "HL" -> level(segment);
            case "PRV" -> specialty(segment);
            case "REF" -> reference(segment);
            case "DMG" -> demographics(segment);
            case "SBR" -> subscriberInformation(segment);
            case "CLM" -> startClaim(segment);
            case "DTP" -> date(segment);
            case "HI" -> codes(segment);
            case "LX" -> startLine(segment);
            case "SV1" -> service(segment, ClaimKind.PROFESSIONAL);
            case "SV2" -> service(segment, ClaimKind.INSTITUTIONAL);
            case "LIN", "SVD" -> leaveLine();
            case "N3", "N4" -> address(segment);
            default -> {
                // PER, PAT, CL1, CN1, PWK, AMT, K3, NTE, CR*, CRC, HCP, OI, CAS, SVD, LIN, CTP ...
            }
        }
    }

    ClaimTransaction finish(Segment se) throws MalformedX12Exception {
        closeClaim();
        return new ClaimTransaction(implementation.kind(), implementation.version(), interchangeControlNumber,
                interchangeDate, groupControlNumber, controlNumber, purpose, reference, createdOn, transactionType,
                submitter, receiver, claims);
    }

    /**
     * N3/N4 of the billing provider (2010AA), subscriber (2010BA) and patient (2010CA): a replacement claim is written
     * with them. Other loops' addresses (pay-to, payer, facility) are not kept.
     */
    private void address(Segment segment) throws MalformedX12Exception {
        ClaimAddressBuilder target = switch (loop) {
            case BILLING_NAME -> provider == null ? null : provider.address();
            case SUBSCRIBER_NAME, PATIENT_NAME -> person == null ? null : person.address();
            default -> null;
        };
        if (target == null) {
            return;
        }
        if (segment.is("N3")) {
            target.street(segment);
        } else {
            target.place(segment);
        }
    }

    /** BHT: purpose, the batch reference, the date the batch was created (the date the claims were sent). */
    private void header(Segment bht) throws MalformedX12Exception {
        if (headed || loop != Loop.HEADER) {
            throw bht.error("BHT after the beginning of transaction set " + controlNumber);
        }
        headed = true;
        purpose = bht.text(2, 2);
        reference = bht.text(3, 50);
        createdOn = bht.date(4);
        transactionType = bht.text(6, 2);
    }

    /** NM1 opens a name loop: which one depends on its entity code (NM101) and the level it falls in. */
    private void name(Segment nm1) throws MalformedX12Exception {
        String entity = nm1.requiredText(1, 3);
        switch (loop) {
            case HEADER -> {
                if ("41".equals(entity)) {
                    submitter = new ClaimParty(nm1.text(3, 60), nm1.text(9, 80));
                } else if ("40".equals(entity)) {
                    receiver = new ClaimParty(nm1.text(3, 60), nm1.text(9, 80));
                }
            }
            case BILLING, BILLING_NAME, BILLING_OTHER -> {
                if ("85".equals(entity)) {
                    ClaimHierarchy.BillingLevel level = hierarchy.billing();
                    provider = ClaimProviderBuilder.from(nm1);
                    provider.defaultTaxonomy(level.taxonomy);
                    level.provider = provider;
                    loop = Loop.BILLING_NAME;
                } else {
                    // pay-to address (87), pay-to plan (PE)
                    loop = Loop.BILLING_OTHER;
                }
            }
            case SUBSCRIBER, SUBSCRIBER_NAME, SUBSCRIBER_OTHER -> subscriberName(nm1, entity);
            case PATIENT, PATIENT_NAME, PATIENT_OTHER -> {
                if ("QC".equals(entity)) {
                    ClaimHierarchy.PatientLevel level = hierarchy.patient();
                    ClaimPersonBuilder subscriber = level.parent.subscriber;
                    person = ClaimPersonBuilder.patient(nm1, subscriber == null ? null : subscriber.memberId());
                    level.patient = person;
                    loop = Loop.PATIENT_NAME;
                } else {
                    loop = Loop.PATIENT_OTHER;
                }
            }
            case CLAIM, CLAIM_PROVIDER, CLAIM_OTHER -> claimProvider(nm1, entity);
            case OTHER_PAYER -> {
                // 2330A-I: the other payer's subscriber, payer and providers, not this claim's
            }
            case LINE, LINE_OTHER -> {
                if ("82".equals(entity)) {
                    line.rendering(nm1);
                }
                // 2420A (837P) / 2420C (837I) rendering; the other line providers are not modelled
                loop = Loop.LINE_OTHER;
            }
        }
    }

    private void subscriberName(Segment nm1, String entity) throws MalformedX12Exception {
        ClaimHierarchy.SubscriberLevel level = hierarchy.subscriber();
        if ("IL".equals(entity)) {
            person = ClaimPersonBuilder.subscriber(nm1);
            level.subscriber = person;
            loop = Loop.SUBSCRIBER_NAME;
        } else if ("PR".equals(entity)) {
            level.payer = new ClaimParty(nm1.text(3, 60), nm1.text(9, 80));
            loop = Loop.SUBSCRIBER_OTHER;
        } else {
            // 4010 responsible party (QD), credit card holder (AO)
            loop = Loop.SUBSCRIBER_OTHER;
        }
    }

    /**
     * 2310: NM1*82 is the rendering provider (2310B on an 837P, 2310D on an 837I), NM1*71 the attending provider
     * of an 837I (2310A); referring, operating, supervising providers and the service facility are not modelled.
     */
    private void claimProvider(Segment nm1, String entity) throws MalformedX12Exception {
        if ("82".equals(entity)) {
            provider = claim.rendering(nm1);
            loop = Loop.CLAIM_PROVIDER;
        } else if ("71".equals(entity) && implementation.kind() == ClaimKind.INSTITUTIONAL) {
            provider = claim.attending(nm1);
            loop = Loop.CLAIM_PROVIDER;
        } else {
            loop = Loop.CLAIM_OTHER;
        }
    }

    private void level(Segment hl) throws MalformedX12Exception {
        closeClaim();
        loop = switch (hierarchy.start(hl)) {
            case BILLING -> Loop.BILLING;
            case SUBSCRIBER -> Loop.SUBSCRIBER;
            case PATIENT -> Loop.PATIENT;
        };
    }

    /** PRV: the billing provider's taxonomy (2000A, before or after its name) or a 2310 provider's. */
    private void specialty(Segment prv) throws MalformedX12Exception {
        switch (loop) {
            case BILLING -> hierarchy.billing().taxonomy = ClaimProviderBuilder.taxonomy(prv);
            case BILLING_NAME, CLAIM_PROVIDER -> provider.specialty(prv);
            default -> {
                // other providers' specialties
            }
        }
    }

    private void reference(Segment ref) throws MalformedX12Exception {
        switch (loop) {
            case BILLING_NAME, CLAIM_PROVIDER -> provider.reference(ref);
            case CLAIM -> claim.reference(ref);
            case LINE -> line.reference(ref);
            default -> {
                // other payers' REF*G1/F8 (2330B), secondary ids of other parties, line drug and provider REFs
            }
        }
    }

    private void demographics(Segment dmg) throws MalformedX12Exception {
        if (loop == Loop.SUBSCRIBER_NAME || loop == Loop.PATIENT_NAME) {
            person.demographics(dmg);
        }
        // a DMG elsewhere (an other subscriber's, 4010 2320) is not this claim's subscriber or patient
    }

    /** SBR in 2000B: the subscriber's coverage (SBR09 filing indicator); inside a claim it opens 2320. */
    private void subscriberInformation(Segment sbr) throws MalformedX12Exception {
        switch (loop) {
            case SUBSCRIBER, SUBSCRIBER_NAME, SUBSCRIBER_OTHER -> {
                ClaimHierarchy.SubscriberLevel level = hierarchy.subscriber();
                if (level.filingIndicator == null) {
                    level.filingIndicator = sbr.text(9, 2);
                }
            }
            case CLAIM, CLAIM_PROVIDER, CLAIM_OTHER, OTHER_PAYER, LINE, LINE_OTHER -> loop = Loop.OTHER_PAYER;
            default -> throw sbr.error("SBR outside a subscriber level (HL 22) or a claim");
        }
    }

    private void startClaim(Segment clm) throws MalformedX12Exception {
        closeClaim();
        ClaimHierarchy.Kind level = hierarchy.current();
        if (level != ClaimHierarchy.Kind.SUBSCRIBER && level != ClaimHierarchy.Kind.PATIENT) {
            throw clm.error("CLM outside a subscriber level (HL 22) or patient level (HL 23)");
        }
        claim = BilledClaimBuilder.from(implementation.kind(), clm, parties(clm));
        loop = Loop.CLAIM;
    }

    /** Who the claim is for and from, refused when the levels above it did not name them. */
    private BilledClaimBuilder.Parties parties(Segment clm) throws MalformedX12Exception {
        ClaimHierarchy.SubscriberLevel subscriber = hierarchy.subscriber();
        ClaimHierarchy.BillingLevel billing = subscriber.parent;
        if (billing.provider == null) {
            throw clm.error("claim has no billing provider: billing provider level HL " + billing.id
                    + " holds no NM1*85 (loop 2010AA)");
        }
        if (subscriber.subscriber == null) {
            throw clm.error("claim has no subscriber: subscriber level HL " + subscriber.id
                    + " holds no NM1*IL (loop 2010BA)");
        }
        if (subscriber.payer == null) {
            throw clm.error("claim has no payer: subscriber level HL " + subscriber.id
                    + " holds no NM1*PR (loop 2010BB)");
        }
        ClaimPerson insured = subscriber.subscriber.build();
        ClaimPerson patient = insured;
        if (hierarchy.current() == ClaimHierarchy.Kind.PATIENT) {
            ClaimHierarchy.PatientLevel level = hierarchy.patient();
            if (level.patient == null) {
                throw clm.error("claim has no patient: patient level HL " + level.id
                        + " holds no NM1*QC (loop 2010CA)");
            }
            patient = level.patient.build();
        }
        return new BilledClaimBuilder.Parties(subscriber.payer, billing.provider.build(), insured, patient,
                subscriber.filingIndicator);
    }

    private void date(Segment dtp) throws MalformedX12Exception {
        if (loop == Loop.CLAIM) {
            claim.date(dtp);
        } else if (loop == Loop.LINE) {
            line.date(dtp);
        }
    }

    private void codes(Segment hi) throws MalformedX12Exception {
        if (claim == null) {
            throw hi.error("HI outside a claim (no CLM before it)");
        }
        claim.codes(hi);
    }

    private void startLine(Segment lx) throws MalformedX12Exception {
        if (claim == null) {
            throw lx.error("LX outside a claim (no CLM before it)");
        }
        line = claim.startLine(lx);
        loop = Loop.LINE;
    }

    private void service(Segment service, ClaimKind kind) throws MalformedX12Exception {
        if (line == null) {
            throw service.error(service.tag() + " outside a service line (no LX before it)");
        }
        if (kind != implementation.kind()) {
            throw service.error(service.tag() + " is a" + (kind == ClaimKind.PROFESSIONAL ? " professional"
                    : "n institutional") + " service line, but GS08 " + implementation.version() + " is an "
                    + implementation.kind().label());
        }
        if (kind == ClaimKind.PROFESSIONAL) {
            line.professional(service);
        } else {
            line.institutional(service);
        }
    }

    /** LIN opens the line's drug loop 2410, SVD its adjudication loop 2430: their REF and DTP are not the line's. */
    private void leaveLine() {
        if (loop == Loop.LINE) {
            loop = Loop.LINE_OTHER;
        }
    }

    private void closeClaim() throws MalformedX12Exception {
        if (claim != null) {
            claims.add(claim.build());
            claim = null;
            line = null;
        }
    }
}

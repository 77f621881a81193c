package org.overturn.claim.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.overturn.claim.BilledLine;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.ProcedureCode;
import org.overturn.x12.Segment;

/**
 * Loop 2400 being read: LX, then SV1 (837P) or SV2 (837I), DTP*472, REF*G1 and REF*6R, and the NPI of a line
 * rendering provider (2420A on an 837P, 2420C on an 837I). What comes after in the line's own sub-loops (drug
 * 2410, other line providers, adjudication 2430) is not the line's and is not given to it.
 */
final class BilledLineBuilder {

    /** Up to 999999 lines is far beyond the 50 an 837P allows (999 on an 837I). */
    private static final int MAX_LINE_NUMBER_DIGITS = 6;
    private static final int MAX_POINTER = 12;

    private final int number;
    private final int lxSegment;
    private boolean hasService;
    private String revenueCode;
    private String procedureQualifier;
    private String procedure;
    private List<String> modifiers = List.of();
    private BigDecimal charge;
    private String unitBasis;
    private BigDecimal units;
    private String placeOfService;
    private final List<Integer> pointers = new ArrayList<>(4);
    private LocalDate serviceDate;
    private LocalDate serviceDateTo;
    private String priorAuthorization;
    private String lineControlNumber;
    private String renderingNpi;

    private BilledLineBuilder(int number, int lxSegment) {
        this.number = number;
        this.lxSegment = lxSegment;
    }

    static BilledLineBuilder from(Segment lx) throws MalformedX12Exception {
        String text = lx.requiredText(1);
        if (text.length() > MAX_LINE_NUMBER_DIGITS || !text.chars().allMatch(Character::isDigit)) {
            throw lx.error("LX01 '" + text + "' is not a line number");
        }
        return new BilledLineBuilder(Integer.parseInt(text), lx.number());
    }

    boolean hasService() {
        return hasService;
    }

    /** SV1: procedure, charge, unit basis, units, place of service (SV105) and diagnosis pointers (SV107). */
    void professional(Segment sv1) throws MalformedX12Exception {
        checkFirstService(sv1);
        ProcedureCode code = ProcedureCode.of(sv1, 1);
        if (code == null) {
            throw sv1.missing(1);
        }
        code.checkLengths(sv1, "SV101");
        if (code.code() == null) {
            throw sv1.error("SV101 has no procedure code (SV101-2)");
        }
        procedureQualifier = code.qualifier();
        procedure = code.code();
        modifiers = code.modifiers();
        charge = sv1.requiredAmount(2);
        unitBasis = sv1.text(3, 2);
        units = sv1.amount(4);
        placeOfService = sv1.text(5, 2);
        readPointers(sv1, 7);
    }

    /** SV2: revenue code, the procedure when one is sent (SV202), charge, unit basis and units. */
    void institutional(Segment sv2) throws MalformedX12Exception {
        checkFirstService(sv2);
        revenueCode = sv2.requiredText(1, 48);
        ProcedureCode code = ProcedureCode.of(sv2, 2);
        if (code != null) {
            code.checkLengths(sv2, "SV202");
            if (code.code() == null) {
                throw sv2.error("SV202 has a qualifier but no procedure code (SV202-2)");
            }
            procedureQualifier = code.qualifier();
            procedure = code.code();
            modifiers = code.modifiers();
        }
        charge = sv2.requiredAmount(3);
        unitBasis = sv2.text(4, 2);
        units = sv2.amount(5);
    }

    /** DTP*472, the date or days of service; other line dates (prescription, test, shipped ...) are not kept. */
    void date(Segment dtp) throws MalformedX12Exception {
        if (!"472".equals(dtp.text(1))) {
            return;
        }
        ClaimDates.Period period = ClaimDates.period(dtp);
        if (period == null) {
            throw dtp.error("DTP02 'TM' gives a time, not the date of service (D8 or RD8)");
        }
        serviceDate = period.from();
        serviceDateTo = period.to();
    }

    /** REF*G1 (the line's prior authorization) and REF*6R (the line item control number the 835 echoes). */
    void reference(Segment ref) throws MalformedX12Exception {
        String qualifier = ref.text(1);
        if ("G1".equals(qualifier) && priorAuthorization == null) {
            priorAuthorization = ref.text(2, 50);
        } else if ("6R".equals(qualifier) && lineControlNumber == null) {
            lineControlNumber = ref.text(2, 50);
        }
    }

    /** NM1*82 of the line: its NPI (NM108 XX). */
    void rendering(Segment nm1) throws MalformedX12Exception {
        renderingNpi = ClaimProviderBuilder.from(nm1).build().npi();
    }

    BilledLine build() throws MalformedX12Exception {
        if (!hasService) {
            throw new MalformedX12Exception(lxSegment, "LX", "service line " + number + " has no SV1 or SV2");
        }
        return new BilledLine(number, revenueCode, procedureQualifier, procedure, modifiers, charge, unitBasis,
                units, placeOfService, pointers, serviceDate, serviceDateTo, priorAuthorization, lineControlNumber,
                renderingNpi);
    }

    private void checkFirstService(Segment service) throws MalformedX12Exception {
        if (hasService) {
            throw service.error("second " + service.tag() + " in service line " + number + " (one LX per service)");
        }
        hasService = true;
    }

    /**
     * SV107: up to four pointers, each 1..12. Written under another separator than ISA16 ({@code 1>2}), they
     * arrive as one element and are split on whatever is not a digit.
     */
    private void readPointers(Segment sv1, int element) throws MalformedX12Exception {
        int count = sv1.componentCount(element);
        List<String> texts = new ArrayList<>(4);
        if (count > 1) {
            for (int c = 1; c <= count; c++) {
                texts.add(sv1.component(element, c));
            }
        } else if (sv1.text(element) != null) {
            texts.addAll(List.of(sv1.text(element).split("[^0-9A-Za-z]+")));
        }
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            int pointer = text.length() <= 2 && text.chars().allMatch(Character::isDigit) ? Integer.parseInt(text) : 0;
            if (pointer < 1 || pointer > MAX_POINTER) {
                throw sv1.error(sv1.name(element) + " pointer '" + text + "' is not a diagnosis pointer (1-"
                        + MAX_POINTER + ")");
            }
            pointers.add(pointer);
        }
    }
}

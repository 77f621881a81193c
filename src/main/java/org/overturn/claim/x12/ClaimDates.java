package org.overturn.claim.x12;

import java.time.LocalDate;

import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Date;

/**
 * The dates of an 837: DTP with its format qualifier (D8 a date, RD8 a range, DT a date and time, TM a time alone),
 * DMG02 and ISA09. A date that is not one refuses the file, as the 835 reader does; the message names the element
 * but never quotes it, since a date of birth or of service is PHI.
 */
final class ClaimDates {

    private static final int DATE_LENGTH = 8;
    private static final int RANGE_LENGTH = 17;

    private ClaimDates() {
    }

    /** A date or a range: {@code to} is null for a single date. */
    record Period(LocalDate from, LocalDate to) {

        /** The last day: the end of a range, else the date. */
        LocalDate last() {
            return to != null ? to : from;
        }
    }

    /**
     * DTP02/DTP03: a date (D8, or the date part of DT CCYYMMDDHHMM) or a range (RD8 CCYYMMDD-CCYYMMDD); null for a
     * time alone (TM, the 837I discharge hour).
     */
    static Period period(Segment dtp) throws MalformedX12Exception {
        return period(dtp, dtp.name(3), dtp.requiredText(2), dtp.requiredText(3));
    }

    /**
     * A date or range whose format qualifier and value were read from {@code what} (a DTP, or the components of
     * an HI occurrence span).
     */
    static Period period(Segment segment, String what, String format, String value) throws MalformedX12Exception {
        return switch (format) {
            case "D8" -> new Period(date(segment, what, value, "D8: CCYYMMDD"), null);
            case "DT" -> {
                if (value.length() < DATE_LENGTH) {
                    throw invalid(segment, what, "DT: CCYYMMDDHHMM");
                }
                yield new Period(date(segment, what, value.substring(0, DATE_LENGTH), "DT: CCYYMMDDHHMM"), null);
            }
            case "RD8" -> {
                if (value.length() != RANGE_LENGTH || value.charAt(DATE_LENGTH) != '-') {
                    throw invalid(segment, what, "RD8: CCYYMMDD-CCYYMMDD");
                }
                LocalDate from = date(segment, what, value.substring(0, DATE_LENGTH), "RD8: CCYYMMDD-CCYYMMDD");
                LocalDate to = date(segment, what, value.substring(DATE_LENGTH + 1), "RD8: CCYYMMDD-CCYYMMDD");
                if (to.isBefore(from)) {
                    throw segment.error(what + " is a range that ends before it starts");
                }
                yield new Period(from, to);
            }
            case "TM" -> null;
            default -> throw segment.error(what + " has format '" + format + "', not D8, RD8, DT or TM");
        };
    }

    /** DMG02 (with DMG01 D8), or null when absent. */
    static LocalDate birthDate(Segment dmg) throws MalformedX12Exception {
        String value = dmg.text(2);
        return value == null ? null : date(dmg, dmg.name(2), value, "CCYYMMDD");
    }

    /** ISA09, YYMMDD, read as 20YY (no 837 predates 2000: HIPAA adopted it in 2000). */
    static LocalDate interchangeDate(Segment isa) throws MalformedX12Exception {
        String value = isa.requiredText(9);
        if (value.length() != 6) {
            throw isa.error("ISA09 '" + value + "' is not a valid date (YYMMDD)");
        }
        LocalDate date = parse("20" + value);
        if (date == null) {
            throw isa.error("ISA09 '" + value + "' is not a valid date (YYMMDD)");
        }
        return date;
    }

    private static LocalDate date(Segment segment, String what, String value, String format)
            throws MalformedX12Exception {
        LocalDate date = parse(value);
        if (date == null) {
            throw invalid(segment, what, format);
        }
        return date;
    }

    private static LocalDate parse(String value) {
        char[] chars = value.toCharArray();
        return X12Date.parse(chars, 0, chars.length);
    }

    private static MalformedX12Exception invalid(Segment segment, String what, String format) {
        return segment.error(what + " is not a valid date (" + format + ")");
    }
}

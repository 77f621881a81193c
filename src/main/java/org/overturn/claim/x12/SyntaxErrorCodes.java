package org.overturn.claim.x12;

import java.util.Map;

/**
 * What the error codes of a 999 mean, in words a biller can act on: IK304 (data element 620, implementation segment
 * syntax error), IK403 (621, implementation data element syntax error) and IK502-IK506 (718, implementation
 * transaction set syntax error), as X12 005010 defines them (looked up 2026-12-05 in Stedi's X12 element reference,
 * stedi.com/edi/x12-005010/element/620, x12-005040/element/621 and x12-005040/element/718, which list the 005010
 * codes). An unknown code is named as sent.
 */
final class SyntaxErrorCodes {

    private static final Map<String, String> SEGMENT = Map.ofEntries(
            Map.entry("1", "unrecognized segment ID"),
            Map.entry("2", "unexpected segment"),
            Map.entry("3", "required segment missing"),
            Map.entry("4", "loop occurs over maximum times"),
            Map.entry("5", "segment exceeds maximum use"),
            Map.entry("6", "segment not in defined transaction set"),
            Map.entry("7", "segment not in proper sequence"),
            Map.entry("8", "segment has data element errors"),
            Map.entry("I4", "implementation \"not used\" segment present"),
            Map.entry("I6", "implementation dependent segment missing"),
            Map.entry("I7", "implementation loop occurs under minimum times"),
            Map.entry("I8", "implementation segment below minimum use"),
            Map.entry("I9", "implementation dependent \"not used\" segment present"));

    private static final Map<String, String> ELEMENT = Map.ofEntries(
            Map.entry("1", "required data element missing"),
            Map.entry("2", "conditional required data element missing"),
            Map.entry("3", "too many data elements"),
            Map.entry("4", "data element too short"),
            Map.entry("5", "data element too long"),
            Map.entry("6", "invalid character in data element"),
            Map.entry("7", "invalid code value"),
            Map.entry("8", "invalid date"),
            Map.entry("9", "invalid time"),
            Map.entry("10", "exclusion condition violated"),
            Map.entry("12", "too many repetitions"),
            Map.entry("13", "too many components"),
            Map.entry("I6", "code value not used in implementation"),
            Map.entry("I9", "implementation dependent data element missing"),
            Map.entry("I10", "implementation \"not used\" data element present"),
            Map.entry("I11", "implementation too few repetitions"),
            Map.entry("I12", "implementation pattern match failure"),
            Map.entry("I13", "implementation dependent \"not used\" data element present"));

    private static final Map<String, String> TRANSACTION_SET = Map.ofEntries(
            Map.entry("1", "transaction set not supported"),
            Map.entry("2", "transaction set trailer missing"),
            Map.entry("3", "transaction set control number in header and trailer do not match"),
            Map.entry("4", "number of included segments does not match actual count"),
            Map.entry("5", "one or more segments in error"),
            Map.entry("6", "missing or invalid transaction set identifier"),
            Map.entry("7", "missing or invalid transaction set control number"),
            Map.entry("8", "authentication key name unknown"),
            Map.entry("9", "encryption key name unknown"),
            Map.entry("10", "requested service (authentication or encryption) not available"),
            Map.entry("11", "unknown security recipient"),
            Map.entry("12", "incorrect message length (encryption only)"),
            Map.entry("13", "message authentication code failed"),
            Map.entry("15", "unknown security originator"),
            Map.entry("16", "syntax error in decrypted text"),
            Map.entry("17", "security not supported"),
            Map.entry("18", "transaction set not in functional group"),
            Map.entry("19", "invalid transaction set implementation convention reference"),
            Map.entry("23", "transaction set control number not unique within the functional group"),
            Map.entry("24", "S3E security end segment missing for S3S security start segment"),
            Map.entry("25", "S3S security start segment missing for S3E security end segment"),
            Map.entry("26", "S4E security end segment missing for S4S security start segment"),
            Map.entry("27", "S4S security start segment missing for S4E security end segment"),
            Map.entry("I5", "implementation one or more segments in error"),
            Map.entry("I6", "implementation convention not supported"));

    private SyntaxErrorCodes() {
    }

    /** IK304; null (not given) reads as a segment in error without a reason. */
    static String segment(String code) {
        return describe(SEGMENT, code, "segment in error (no error code given)");
    }

    /** IK403. */
    static String element(String code) {
        return describe(ELEMENT, code, "data element in error (no error code given)");
    }

    /** IK502-IK506. */
    static String transactionSet(String code) {
        return describe(TRANSACTION_SET, code, null);
    }

    /**
     * Whether a transaction-set code only says that segments are in error, which the IK3 lines already tell
     * in detail (5 and I5).
     */
    static boolean onlyPointsToSegments(String code) {
        return "5".equals(code) || "I5".equals(code);
    }

    private static String describe(Map<String, String> codes, String code, String absent) {
        if (code == null) {
            return absent;
        }
        String text = codes.get(code);
        return text != null ? text : "error code " + code;
    }
}

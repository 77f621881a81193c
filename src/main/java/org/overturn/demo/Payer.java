package org.overturn.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * An invented payer with the habits that shape its remittances: what share of the clinic's charge it allows,
 * which telehealth modifier it expects, how it pays, and how often it denies compared with the average.
 *
 * @param number          two digits that make the payer's claim control numbers unique
 * @param payerId         REF*2U and the ISA/GS sender a clearinghouse would show
 * @param allowedRate     allowed amount as a share of the clinic's charge
 * @param denialPropensity relative denial frequency (1.0 = average of the file)
 * @param claimsPayerId   the payer's id in the clearinghouse's payer list, which the clinic's 837s carry (2010BB
 *                        NM109): not the id its 835s carry, as often in practice; the name is the same in both
 */
record Payer(
        String number,
        String name,
        String payerId,
        PlanType planType,
        String taxId,
        String street,
        String city,
        String state,
        String postalCode,
        String phone,
        String website,
        BigDecimal allowedRate,
        String telehealthModifier,
        String audioOnlyModifier,
        String paymentMethod,
        String memberIdPrefix,
        double denialPropensity,
        String claimsPayerId) {

    static List<Payer> catalog() {
        return List.of(
                new Payer("11", "KEYSTONE PEAK HEALTH PLAN", "KPH01", PlanType.COMMERCIAL_PPO, "231874650",
                        "PO BOX 8810", "CAMP HILL", "PA", "170018810", "8005550141", "www.keystonepeak.example",
                        new BigDecimal("0.74"), "95", "93", "ACH", "KPH", 0.9, "60721"),
                new Payer("12", "ALLEGHENY MUTUAL INSURANCE", "AMI22", PlanType.COMMERCIAL_PPO, "250936124",
                        "PO BOX 3302", "PITTSBURGH", "PA", "152303302", "8005550172", "www.alleghenymutual.example",
                        new BigDecimal("0.69"), "95", "93", "CHK", "AMX", 1.0, "25133"),
                new Payer("13", "TRILLIUM CHOICE HEALTH", "TCH13", PlanType.COMMERCIAL_POS, "364021987",
                        "PO BOX 1913", "READING", "PA", "196031913", "8005550113", "www.trilliumchoice.example",
                        new BigDecimal("0.66"), "95", "93", "ACH", "TCH", 1.0, "36417"),
                new Payer("14", "HARBORVIEW HMO", "HVH45", PlanType.COMMERCIAL_HMO, "521187643",
                        "PO BOX 4500", "YORK", "PA", "174054500", "8005550145", "www.harborviewhmo.example",
                        new BigDecimal("0.61"), "95", "93", "ACH", "HVW", 1.25, "HV045"),
                new Payer("21", "NORTHEAST MEDICARE CONTRACTOR PART B", "19501", PlanType.MEDICARE, "522301844",
                        "PO BOX 19501", "MECHANICSBURG", "PA", "170559501", "8775550195", "www.nemedicare.example",
                        new BigDecimal("0.56"), "95", "93", "ACH", null, 0.7, "19510"),
                new Payer("31", "SILVER BRIDGE MEDICARE ADVANTAGE", "SBM16", PlanType.MEDICARE_ADVANTAGE, "473365021",
                        "PO BOX 1616", "SCRANTON", "PA", "185011616", "8665550116", "www.silverbridgema.example",
                        new BigDecimal("0.58"), "95", "93", "ACH", "SBM", 1.1, "SB016"),
                new Payer("41", "COMMONWEALTH MEDICAID MANAGED CARE", "CMM77", PlanType.MEDICAID, "812254096",
                        "PO BOX 7700", "HARRISBURG", "PA", "171057700", "8885550177", "www.cwmedicaidmc.example",
                        new BigDecimal("0.49"), "GT", "FQ", "ACH", null, 1.3, "77310"),
                new Payer("42", "STATE MEDICAL ASSISTANCE PROGRAM", "SMA01", PlanType.MEDICAID, "236003113",
                        "PO BOX 8050", "HARRISBURG", "PA", "171058050", "8005550101", "www.statemedassist.example",
                        new BigDecimal("0.45"), "GT", "FQ", "CHK", null, 1.2, "PAMA1"));
    }
}

package org.overturn.payer.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.overturn.payer.PayerProfile;
import org.overturn.payer.PlanType;

@Entity
@Table(name = "payer")
public class Payer {

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private PlanType planType;
    private String appealEmail;
    private int appealLimitDays;
    private Integer secondLevelAppealLimitDays;
    private Integer thirdLevelAppealLimitDays;
    private int timelyFilingDays;
    private String correctedClaimRules;
    private String addressLine1;
    private String addressLine2;
    private String city;
    private String state;
    private String postalCode;
    private String phone;
    private boolean needsReview;
    private Instant createdAt;
    private Instant updatedAt;
    private String updatedBy;
    @Enumerated(EnumType.STRING)
    private org.overturn.payer.PlanFunding planFunding;
    private boolean medicaidManagedCare;
    private Integer providerDisputeDays;
    private Integer peerToPeerHours;
    @Enumerated(EnumType.STRING)
    private org.overturn.payer.CorrectedClaimClock correctedClaimClock;
    private Integer claimStatusDays;

    protected Payer() {
    }

    /** A payer first met in an 835: default terms, flagged for someone to confirm. */
    public Payer(String id, String name, PlanType planType, int appealLimitDays, int timelyFilingDays,
                 Instant createdAt) {
        this.id = id;
        this.name = name;
        this.planType = planType;
        this.appealLimitDays = appealLimitDays;
        this.timelyFilingDays = timelyFilingDays;
        this.needsReview = true;
        this.createdAt = createdAt;
    }

    /** A payer entered by someone: its terms are confirmed. */
    public Payer(PayerProfile profile, Instant createdAt, String by) {
        this.id = profile.id();
        this.createdAt = createdAt;
        confirm(profile, createdAt, by);
    }

    /** Takes every term from the profile (not its id); whoever saved it has confirmed them. */
    public void confirm(PayerProfile profile, Instant at, String by) {
        name = profile.name();
        planType = profile.planType();
        appealEmail = profile.appealEmail();
        appealLimitDays = profile.appealLimitDays();
        secondLevelAppealLimitDays = profile.secondLevelAppealLimitDays();
        thirdLevelAppealLimitDays = profile.thirdLevelAppealLimitDays();
        timelyFilingDays = profile.timelyFilingDays();
        correctedClaimRules = profile.correctedClaimRules();
        addressLine1 = profile.addressLine1();
        addressLine2 = profile.addressLine2();
        city = profile.city();
        state = profile.state();
        postalCode = profile.postalCode();
        phone = profile.phone();
        claimStatusDays = profile.claimStatusDays();
        needsReview = false;
        updatedAt = at;
        updatedBy = by;
    }

    /** The appeal route: kept apart from the profile, which a form or a workbook replaces whole. */
    public void route(org.overturn.payer.PayerAppealTerms terms, Instant at, String by) {
        planFunding = terms.funding();
        medicaidManagedCare = terms.medicaidManagedCare();
        providerDisputeDays = terms.providerDisputeDays();
        correctedClaimClock = terms.correctedClaimClock();
        peerToPeerHours = terms.peerToPeerHours();
        updatedAt = at;
        updatedBy = by;
    }

    public org.overturn.payer.PayerAppealTerms appealTerms() {
        return new org.overturn.payer.PayerAppealTerms(planFunding, medicaidManagedCare, providerDisputeDays,
                correctedClaimClock, peerToPeerHours);
    }

    public PayerProfile toProfile() {
        return new PayerProfile(id, name, planType, appealEmail, appealLimitDays, secondLevelAppealLimitDays,
                thirdLevelAppealLimitDays, timelyFilingDays, correctedClaimRules, addressLine1, addressLine2, city,
                state, postalCode, phone, needsReview, claimStatusDays);
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public PlanType getPlanType() { return planType; }
    public int getAppealLimitDays() { return appealLimitDays; }
    public boolean isNeedsReview() { return needsReview; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}

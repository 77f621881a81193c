package org.overturn.regime;

/** Who receives an appeal request at a level; {@code PAYER} is the payer's own appeals desk. */
public enum RecipientKind {
    PAYER("the payer's appeals desk"),
    QIC("the Qualified Independent Contractor named on the redetermination notice"),
    IRE("the independent review entity (the plan forwards the case)"),
    OMHA("the OMHA office named on the reconsideration notice"),
    COUNCIL("the Medicare Appeals Council (Departmental Appeals Board)"),
    COURT("the U.S. District Court where the provider is"),
    IRO("the independent review organization the plan assigns"),
    STATE_FAIR_HEARING("the state Medicaid fair hearing office"),
    STATE_INSURANCE_DEPT("the state insurance department's external review");

    private final String unnamed;

    RecipientKind(String unnamed) {
        this.unnamed = unnamed;
    }

    /** How to name the recipient when the directory has no entry for it. */
    public String unnamed() {
        return unnamed;
    }
}

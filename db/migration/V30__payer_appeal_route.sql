-- What decides a payer's appeal regime beyond its plan type: how the plan is funded or sold (an employer's ERISA
-- plan, the individual market, a government or church plan), whether a Medicaid payer is a managed-care plan, and
-- the window of its contractual provider dispute (network providers), and the date its timely-filing limit for a
-- corrected claim counts from (null: the date of service).
alter table payer
    add column plan_funding           varchar(20),
    add column medicaid_managed_care  boolean not null default false,
    add column provider_dispute_days  int,
    add column corrected_claim_clock  varchar(20);

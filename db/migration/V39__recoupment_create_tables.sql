-- Recoupments (issue 16): a provider-level adjustment (PLB) that takes money back (WO overpayment recovery, FB
-- forward balance, J1 non-reimbursable, ...) is a work item of its own: reviewed in patient accounts, accepted or
-- disputed. Joined to the claim payment it takes back when PLB03-2 names that claim.
create table recoupment (
    id                     bigserial primary key,
    provider_adjustment_id bigint         not null references provider_adjustment (id),
    remittance_id          bigint         not null references remittance (id),
    payer_id               varchar(80),
    payer_name             varchar(60),
    reason_code            varchar(2)     not null,
    reference              varchar(50),
    amount                 numeric(14, 2) not null,
    claim_payment_id       bigint references claim_payment (id),
    patient_control_number varchar(38),
    status                 varchar(20)    not null,
    process_instance_id    varchar(64),
    dispute_due_on         date,
    decided_by             varchar(100),
    decided_at             timestamptz,
    note                   varchar(2000),
    detected_at            timestamptz    not null,
    constraint uq_recoupment_provider_adjustment unique (provider_adjustment_id)
);
create index ix_recoupment_status on recoupment (status);
create index ix_recoupment_payer on recoupment (payer_id);
create index ix_recoupment_remittance on recoupment (remittance_id);

-- Claims that get no answer (issue 16): a claim the payer took in (999/277CA) that no 835 answered after the days
-- allowed is followed up: a 276 claim status request to the clearinghouse outbox and a follow-up task in the
-- eligibility queue. One row per follow-up of a billed claim.
create table claim_status_inquiry (
    id                  bigserial primary key,
    billed_claim_id     bigint       not null references billed_claim (id),
    payer_id            varchar(80),
    patient_control_number varchar(38) not null,
    trace               varchar(50)  not null,
    outbox_path         varchar(500) not null,
    status              varchar(20)  not null,
    process_instance_id varchar(64),
    outcome_note        varchar(2000),
    decided_by          varchar(100),
    sent_at             timestamptz  not null,
    closed_at           timestamptz,
    constraint uq_claim_status_inquiry_claim unique (billed_claim_id)
);
create index ix_claim_status_inquiry_status on claim_status_inquiry (status);

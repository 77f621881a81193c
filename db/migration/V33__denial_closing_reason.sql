-- Why a denial closed the way it did, where its status alone does not say: the "nothing lost" closures
-- (PAID_ORIGINAL_MATCHED, RECOUPMENT_ACCEPTED, PAID_BY_OTHER_PAYER, LATER_PAYMENT_FOUND) are counted apart from
-- write-offs, and the hold-harmless overrides a manager grants to bill a patient for a contractual denial.
alter table denial add column closing_reason varchar(40);

create table denial_patient_billing_override (
    id           bigserial primary key,
    denial_id    bigint       not null references denial (id),
    manager      varchar(100) not null,
    reason       varchar(1000) not null,
    granted_at   timestamptz  not null
);
create index ix_denial_patient_billing_override_denial on denial_patient_billing_override (denial_id);

-- Corrections recorded as structured changes, and the replacement (frequency 7) or void (8) 837s made from them for
-- the clearinghouse. Owned by org.overturn.correction.

alter table corrected_claim add column changes jsonb;
alter table corrected_claim add column frequency varchar(1);
-- why no replacement 837 could be made (no claim on file, no payer claim number for REF*F8 ...): resubmit by hand
alter table corrected_claim add column replacement_problem text;

-- ISA13/GS06 of every 837 sent out: a sequence that never cycles, so a control number is never used twice.
create sequence outgoing_interchange_seq minvalue 1 maxvalue 999999999 no cycle;

create table replacement_claim (
    id                         bigserial    primary key,
    denial_id                  bigint       not null,
    corrected_claim_id         bigint       not null references corrected_claim (id),
    billed_claim_id            bigint       not null,
    frequency                  varchar(1)   not null,
    interchange_control_number bigint       not null constraint uq_replacement_claim_isa13 unique,
    file_name                  varchar(255) not null,
    content                    bytea        not null,
    generated_by               varchar(100),
    generated_at               timestamptz  not null,
    released_by                varchar(100),
    released_at                timestamptz,
    outbox_path                text
);
create index ix_replacement_claim_denial on replacement_claim (denial_id);

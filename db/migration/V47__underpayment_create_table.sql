-- Underpayments (issue 19): a paid 835 service line whose allowed amount is below what the practice's contract with
-- the payer sets for the procedure (and modifier) on its date of service. One row per service line, written in the
-- transaction that stores the 835; OPEN until someone disputes it with the payer and records how it ended.
create table underpayment (
    id                     bigserial primary key,
    service_line_id        bigint         not null unique references service_line (id),
    claim_payment_id       bigint         not null references claim_payment (id),
    remittance_id          bigint         not null references remittance (id),
    practice_id            bigint         not null references practice (id),
    payer_id               varchar(80),
    payer_name             varchar(120),
    patient_control_number varchar(50),
    procedure_code         varchar(48)    not null,
    modifier               varchar(2),
    service_date           date,
    units                  numeric(15, 3) not null,
    contracted_amount      numeric(12, 2) not null,
    allowed_amount         numeric(12, 2) not null,
    paid_amount            numeric(12, 2) not null,
    patient_share          numeric(12, 2) not null,
    underpaid_amount       numeric(12, 2) not null check (underpaid_amount > 0),
    explanation            varchar(200)   not null,
    part2                  boolean        not null,
    status                 varchar(20)    not null check (status in ('OPEN', 'DISPUTED', 'RECOVERED', 'ACCEPTED')),
    detected_at            timestamptz    not null,
    resolved_at            timestamptz,
    resolved_by            varchar(100)
);
create index ix_underpayment_practice_status on underpayment (practice_id, status);
create index ix_underpayment_claim_payment on underpayment (claim_payment_id);

-- One row per denied or partly denied claim payment, with the root cause the decision table chose, and the
-- official CARC/RARC wording so every code on screen can be explained.

create sequence denial_seq increment by 100;

create table denial (
    id                     bigint primary key,
    claim_payment_id       bigint        not null references claim_payment (id),
    kind                   varchar(7)    not null,
    primary_reason         varchar(5),
    root_cause             varchar(30)   not null,
    queue                  varchar(30)   not null,
    correctable            boolean       not null,
    appealable             boolean       not null,
    explanation            varchar(500),
    amount_at_risk         numeric(14, 2) not null,
    -- touches substance-use services (42 CFR Part 2): shown only to users allowed to see Part 2 records
    part2                  boolean       not null,
    status                 varchar(20)   not null,
    payer_id               varchar(80),
    payer_name             varchar(60),
    patient_control_number varchar(38)   not null,
    remittance_date        date,
    detected_at            timestamptz   not null,
    constraint uq_denial_claim_payment unique (claim_payment_id)
);
create index ix_denial_queue_status on denial (queue, status);
create index ix_denial_root_cause on denial (root_cause);
create index ix_denial_payer on denial (payer_id);
create index ix_denial_remittance_date on denial (remittance_date);
create index ix_denial_pcn_payer on denial (patient_control_number, payer_id);

create table reason_code (
    list          varchar(4)    not null,
    code          varchar(10)   not null,
    description   text          not null,
    start_date    date,
    stop_date     date,
    last_modified date,
    source        varchar(255),
    loaded_at     timestamptz   not null,
    primary key (list, code)
);

-- 835 files as received, and what they carried. One row per file, per transaction set (ST..SE), per claim
-- (CLP), per service line (SVC), per adjustment triplet (CAS), per remark code and per PLB pair.
-- Ids come from sequences that hand out blocks of 100 so Hibernate can batch inserts.

create sequence remittance_file_seq increment by 100;
create sequence remittance_seq increment by 100;
create sequence claim_payment_seq increment by 100;
create sequence service_line_seq increment by 100;
create sequence adjustment_seq increment by 100;
create sequence remark_seq increment by 100;
create sequence provider_adjustment_seq increment by 100;

create table remittance_file (
    id                bigint primary key,
    file_name         varchar(255) not null,
    sha256            varchar(64)    not null,
    size_bytes        bigint       not null,
    source            varchar(16)  not null,
    received_at       timestamptz  not null,
    received_by       varchar(100),
    transaction_count int          not null,
    claim_count       int          not null,
    constraint uq_remittance_file_sha256 unique (sha256)
);

create table remittance (
    id                         bigint primary key,
    file_id                    bigint       not null references remittance_file (id),
    interchange_control_number varchar(9),
    group_control_number       varchar(9),
    version                    varchar(12),
    control_number             varchar(9)   not null,
    payer_name                 varchar(60),
    payer_id                   varchar(80),
    payee_name                 varchar(60),
    payee_id_qualifier         varchar(3),
    payee_id                   varchar(80),
    handling_code              varchar(2),
    payment_amount             numeric(14, 2) not null,
    credit_debit               varchar(1),
    payment_method             varchar(3),
    payment_date               date,
    trace_number               varchar(50)  not null,
    originator_id              varchar(10),
    production_date            date,
    balanced                   boolean      not null,
    balance_problems           text[]       not null default '{}',
    -- a payer never reuses a trace number: a second copy of the same payment is a duplicate
    constraint uq_remittance_payer_trace unique nulls not distinct (payer_id, trace_number)
);
create index ix_remittance_file on remittance (file_id);
create index ix_remittance_payer on remittance (payer_id);
create index ix_remittance_payment_date on remittance (payment_date);

create table claim_payment (
    id                         bigint primary key,
    remittance_id              bigint        not null references remittance (id),
    position                   int           not null,
    patient_control_number     varchar(38)   not null,
    status                     varchar(2)    not null,
    charge                     numeric(14, 2) not null,
    paid                       numeric(14, 2) not null,
    patient_responsibility     numeric(14, 2) not null,
    filing_indicator           varchar(2),
    payer_claim_control_number varchar(50),
    facility_code              varchar(3),
    frequency_code             varchar(1),
    patient_last_name          varchar(60),
    patient_first_name         varchar(35),
    member_id                  varchar(80),
    rendering_provider_npi     varchar(80),
    statement_from             date,
    statement_to               date,
    received_date              date,
    -- a reversal (CLP02 22) points at the payment it takes back, when that one is on file
    reverses_id                bigint references claim_payment (id)
);
create index ix_claim_payment_remittance on claim_payment (remittance_id);
create index ix_claim_payment_pcn on claim_payment (patient_control_number);
create index ix_claim_payment_payer_claim on claim_payment (payer_claim_control_number);

create table service_line (
    id                  bigint primary key,
    claim_payment_id    bigint        not null references claim_payment (id),
    position            int           not null,
    procedure_qualifier varchar(2),
    procedure_code      varchar(48),
    modifiers           varchar(20),
    charge              numeric(14, 2) not null,
    paid                numeric(14, 2) not null,
    revenue_code        varchar(48),
    units               numeric(15, 3),
    original_procedure  varchar(48),
    service_date        date,
    service_date_to     date,
    allowed             numeric(14, 2),
    line_control_number varchar(50)
);
create index ix_service_line_claim on service_line (claim_payment_id);

create table adjustment (
    id               bigint primary key,
    claim_payment_id bigint        not null references claim_payment (id),
    service_line_id  bigint references service_line (id),
    level            varchar(5)    not null,
    group_code       varchar(2)    not null,
    reason_code      varchar(5)    not null,
    amount           numeric(14, 2) not null,
    quantity         numeric(15, 3)
);
create index ix_adjustment_claim on adjustment (claim_payment_id);

create table remark (
    id               bigint primary key,
    claim_payment_id bigint      not null references claim_payment (id),
    service_line_id  bigint references service_line (id),
    code             varchar(30) not null
);
create index ix_remark_claim on remark (claim_payment_id);

create table provider_adjustment (
    id                 bigint primary key,
    remittance_id      bigint        not null references remittance (id),
    provider_id        varchar(50)   not null,
    fiscal_period_date date,
    reason_code        varchar(2)    not null,
    reference          varchar(50),
    amount             numeric(14, 2) not null
);
create index ix_provider_adjustment_remittance on provider_adjustment (remittance_id);

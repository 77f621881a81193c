-- The claim module's tables: the claims as billed (837P/837I), their acknowledgements (999, 277CA), and the join
-- of each 835 claim payment to the billed claim it answers. Owned and written by org.overturn.claim only.

-- Every 837, 999 and 277CA file taken in, once (same SHA-256 = same file).
create table claim_file (
    id           bigserial primary key,
    file_name    varchar(255) not null,
    sha256       varchar(64)  not null constraint uq_claim_file_sha256 unique,
    size_bytes   bigint       not null,
    kind         varchar(8)   not null,
    source       varchar(16)  not null,
    received_by  varchar(100),
    received_at  timestamptz  not null,
    claims       int          not null default 0,
    duplicate_claims int      not null default 0
);

-- One row per claim per submission. identity_key (payer, CLM01, batch reference, date sent, charge, frequency,
-- lines) makes the same submission in another file layout a duplicate, while a resubmission (another day or
-- batch) is a row of its own. The whole claim as read is kept in document (jsonb) to write its replacement from;
-- the columns are what lists, joins and counts ask for. Holds PHI.
create table billed_claim (
    id                         bigserial primary key,
    claim_file_id              bigint       not null references claim_file (id),
    identity_key               varchar(64)  not null constraint uq_billed_claim_identity unique,
    kind                       varchar(4)   not null,
    implementation             varchar(20),
    interchange_control_number varchar(9),
    group_control_number       varchar(9),
    transaction_control_number varchar(9),
    batch_reference            varchar(50),
    submitted_on               date,
    submitter_id               varchar(80),
    submitter_name             varchar(60),
    receiver_id                varchar(80),
    receiver_name              varchar(60),
    patient_control_number     varchar(38)  not null,
    payer_id                   varchar(80),
    payer_name                 varchar(60),
    charge                     numeric(14, 2) not null,
    facility_code              varchar(2),
    frequency                  varchar(1),
    filing_indicator           varchar(2),
    billing_npi                varchar(80),
    rendering_npi              varchar(80),
    rendering_taxonomy         varchar(50),
    member_id                  varchar(80),
    patient_birth_date         date,
    prior_authorization        varchar(50),
    original_reference         varchar(50),
    first_service_date         date,
    last_service_date          date,
    document                   jsonb        not null
);
create index ix_billed_claim_pcn on billed_claim (patient_control_number);
create index ix_billed_claim_member on billed_claim (member_id);
create index ix_billed_claim_file on billed_claim (claim_file_id);

-- The lines, for what counts units and visits (authorizations) and for service-date matching.
create table billed_line (
    id                  bigserial primary key,
    billed_claim_id     bigint        not null references billed_claim (id),
    line_number         int           not null,
    revenue_code        varchar(48),
    procedure_code      varchar(48),
    modifiers           varchar(20),
    charge              numeric(14, 2) not null,
    units               numeric(15, 3),
    place_of_service    varchar(2),
    service_date        date,
    service_date_to     date,
    prior_authorization varchar(50),
    rendering_npi       varchar(80)
);
create index ix_billed_line_claim on billed_line (billed_claim_id);

-- What clearinghouses and payers answered: a 999 per transaction set, a 277CA per claim. billed_claim_id is set
-- when the answer is joined to a claim on file (the 277CA by CLM01 and charge, the 999 by the set's control number).
create table claim_acknowledgement (
    id                         bigserial primary key,
    claim_file_id              bigint      not null references claim_file (id),
    billed_claim_id            bigint      references billed_claim (id),
    kind                       varchar(8)  not null,
    patient_control_number     varchar(38),
    payer_claim_control_number varchar(50),
    group_control_number       varchar(9),
    transaction_control_number varchar(9),
    category                   varchar(3),
    status                     varchar(30),
    accepted                   boolean     not null,
    status_date                date,
    billed_amount              numeric(14, 2),
    reference                  varchar(50),
    source_name                varchar(60),
    detail                     text
);
create index ix_claim_acknowledgement_claim on claim_acknowledgement (billed_claim_id);
create index ix_claim_acknowledgement_pcn on claim_acknowledgement (patient_control_number);

-- The join: which billed claim an 835 claim payment answers, and why that one (resubmissions share CLM01).
create table claim_answer (
    claim_payment_id bigint       primary key,
    billed_claim_id  bigint       not null references billed_claim (id),
    matched_by       varchar(200) not null,
    matched_at       timestamptz  not null
);
create index ix_claim_answer_billed on claim_answer (billed_claim_id);

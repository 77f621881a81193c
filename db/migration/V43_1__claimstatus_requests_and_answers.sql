-- Claims that get no answer (issue 16): every 276 sent for a follow-up (the first and each one asked again while
-- the payer says pending), and every claim status (STC) a 277 claim status response (005010X212) carried, matched
-- to its follow-up by the 276's trace or to its claim, or left unmatched (kept, listed, never dropped).
alter table claim_status_inquiry add column asks int not null default 1;

create table claim_status_request (
    id          bigserial primary key,
    inquiry_id  bigint       not null references claim_status_inquiry (id),
    trace       varchar(50)  not null constraint uq_claim_status_request_trace unique,
    outbox_path varchar(500) not null,
    sent_at     timestamptz  not null
);
create index ix_claim_status_request_inquiry on claim_status_request (inquiry_id);

insert into claim_status_request (inquiry_id, trace, outbox_path, sent_at)
select id, trace, outbox_path, sent_at from claim_status_inquiry;

create table claim_status_answer (
    id                         bigserial primary key,
    claim_file_id              bigint       not null references claim_file (id),
    segment                    int          not null,
    trace                      varchar(50),
    payer_id                   varchar(80),
    patient_control_number     varchar(38),
    payer_claim_control_number varchar(50),
    category                   varchar(3)   not null,
    status                     varchar(30),
    status_date                date,
    billed_amount              numeric(12, 2),
    paid_amount                numeric(12, 2),
    inquiry_id                 bigint references claim_status_inquiry (id),
    billed_claim_id            bigint references billed_claim (id),
    -- TRACE (the 276's trace came back), CLAIM (patient control number, payer, amount or dates), or null: unmatched
    matched_by                 varchar(8),
    -- what the category means (claimstatus/status-categories.csv) and whether a running follow-up took it
    action                     varchar(12)  not null,
    acted                      boolean      not null default false,
    received_at                timestamptz  not null
);
create index ix_claim_status_answer_inquiry on claim_status_answer (inquiry_id);
create index ix_claim_status_answer_unmatched on claim_status_answer (claim_file_id) where matched_by is null;

-- the payer's claim number (277CA REF*1K) each later 276 repeats
alter table claim_status_inquiry add column payer_claim_control_number varchar(50);

-- From now on each 276's interchange control number (ISA13) is its request id: start above every follow-up id the
-- first requests used, so that none repeats.
select setval('claim_status_request_id_seq',
              greatest(coalesce((select max(id) from claim_status_inquiry), 0),
                       coalesce((select max(id) from claim_status_request), 0), 1));

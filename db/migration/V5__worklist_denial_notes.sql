-- Notes billers and managers write on a denial (calls with the payer, what the record shows). Free text that
-- may carry PHI: it stays in this table and never goes to a log.

create table denial_note (
    id         bigserial     primary key,
    denial_id  bigint        not null references denial (id),
    author     varchar(100)  not null,
    written_at timestamptz   not null,
    body       varchar(4000) not null
);
create index ix_denial_note_denial on denial_note (denial_id);

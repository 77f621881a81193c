-- Files that could not be read as an 835: the original bytes, kept untouched, with the reason beside them.

create sequence quarantined_file_seq increment by 1;

create table quarantined_file (
    id             bigint primary key default nextval('quarantined_file_seq'),
    file_name      varchar(255) not null,
    sha256         varchar(64)    not null,
    size_bytes     bigint       not null,
    source         varchar(16)  not null,
    received_at    timestamptz  not null,
    received_by    varchar(100),
    segment_number int,
    segment_id     varchar(3),
    error          text         not null,
    content        bytea        not null
);
create index ix_quarantined_file_received on quarantined_file (received_at);

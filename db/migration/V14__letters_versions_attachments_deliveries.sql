-- Appeal letters and corrected-claim cover letters: one letter per denial, kind and appeal level, each render a
-- new immutable version (HTML and PDF with its checksum); documents billers attach; and every email sent.

create table letter (
    id           bigserial    primary key,
    denial_id    bigint       not null references denial (id),
    kind         varchar(30)  not null,
    appeal_level int          not null,
    created_at   timestamptz  not null,
    constraint uq_letter_denial_kind_level unique (denial_id, kind, appeal_level)
);

create table letter_version (
    id           bigserial    primary key,
    letter_id    bigint       not null references letter (id),
    version      int          not null,
    -- the template actually used: a payer's own or the default one
    template     varchar(200) not null,
    argument     text,
    html         text         not null,
    pdf          bytea        not null,
    sha256       varchar(64)  not null,
    pages        int          not null,
    rendered_by  varchar(100),
    rendered_at  timestamptz  not null,
    constraint uq_letter_version unique (letter_id, version)
);

create table letter_attachment (
    id           bigserial    primary key,
    denial_id    bigint       not null references denial (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   int          not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(100),
    uploaded_at  timestamptz  not null,
    removed_at   timestamptz,
    removed_by   varchar(100)
);
create index ix_letter_attachment_denial on letter_attachment (denial_id);

-- One row per letter version that reached the mail server: the unique key is what makes a retried send
-- (after an outage or a crash) a no-op instead of a second email.
create table letter_delivery (
    id                bigserial    primary key,
    letter_version_id bigint       not null references letter_version (id),
    denial_id         bigint       not null references denial (id),
    to_address        varchar(320) not null,
    subject           varchar(300) not null,
    message_id        varchar(250) not null,
    attachments       int          not null,
    prepared_by       varchar(100),
    approved_by       varchar(100),
    -- a Part 2 record disclosed under this consent (null: nothing from a Part 2 program in the letter)
    consent_id        bigint,
    sent_at           timestamptz  not null,
    constraint uq_letter_delivery_version unique (letter_version_id)
);
create index ix_letter_delivery_denial on letter_delivery (denial_id);
create index ix_letter_delivery_sent on letter_delivery (sent_at desc);

-- Appeal regimes as data: the table shipped in the jar is the default; an admin loads a newer one without a
-- release, and the newest loaded is the one in force.
create table appeal_regime_table (
    id         bigserial    primary key,
    csv        text         not null,
    source     varchar(300) not null,
    loaded_by  varchar(100) not null,
    loaded_at  timestamptz  not null
);

-- Who receives an appeal at levels past the payer: QIC, IRE, IRO, OMHA, a state fair hearing office, a state
-- insurance department. state is null for a recipient that serves every state.
create table appeal_recipient (
    id             bigserial    primary key,
    kind           varchar(40)  not null,
    state          varchar(2),
    name           varchar(200) not null,
    email          varchar(200),
    address        varchar(300),
    phone          varchar(40),
    source         varchar(300),
    updated_at     timestamptz  not null
);
create unique index ux_appeal_recipient_kind_state on appeal_recipient (kind, coalesce(state, ''));

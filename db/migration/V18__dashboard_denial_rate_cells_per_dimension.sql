-- The denial-rate cells of V17 crossed provider, first procedure and root cause: at a million claims that was
-- several hundred thousand cells, barely fewer than the claims. The dashboard only ever groups by one of them at
-- a time, so a remittance now has one cell per dimension and key: 'all' (its one total; payer and payment week
-- are facts of the remittance), 'provider', 'procedure' and 'cause' (denied claims only: a claim without a root
-- cause was not denied). About 40 cells a remittance. The old cells are finer, so summing them is exact.

create table denial_rate_cell_by_dimension (
    remittance_id  bigint         not null constraint fk_denial_rate_cell_remittance references remittance (id),
    dimension      varchar(9)     not null
                   constraint ck_denial_rate_cell_dimension check (dimension in ('all', 'provider', 'procedure', 'cause')),
    -- the rendering provider's NPI, the procedure code or the root cause; '' for 'all'
    key            varchar(80)    not null,
    claims         int            not null,
    denied         int            not null,
    charged        numeric(16, 2) not null,
    denied_dollars numeric(16, 2) not null,
    constraint pk_denial_rate_cell primary key (remittance_id, dimension, key)
);

insert into denial_rate_cell_by_dimension (remittance_id, dimension, key, claims, denied, charged, denied_dollars)
select remittance_id,
       case when grouping(provider) = 0 then 'provider' when grouping(procedure) = 0 then 'procedure'
            when grouping(root_cause) = 0 then 'cause' else 'all' end,
       case when grouping(provider) = 0 then provider when grouping(procedure) = 0 then procedure
            when grouping(root_cause) = 0 then root_cause else '' end,
       sum(claims), sum(denied), sum(charged), coalesce(sum(denied_dollars), 0)
  from denial_rate_cell
 group by remittance_id, grouping sets ((), (provider), (procedure), (root_cause))
having grouping(root_cause) = 1 or root_cause is not null;

drop table denial_rate_cell;
alter table denial_rate_cell_by_dimension rename to denial_rate_cell;

-- payer and week totals read only the 'all' cells: one a remittance among some forty
create index ix_denial_rate_cell_all on denial_rate_cell (remittance_id) where dimension = 'all';

-- the dashboard filters denials by payer id or name: with both indexed the filter is a bitmap OR, not a full scan
create index ix_denial_payer_name on denial (payer_name);

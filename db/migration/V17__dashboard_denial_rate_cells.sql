-- The dashboard's denial rates, added up per remittance as each one is stored: claims, denials and dollars by
-- rendering provider, first procedure and root cause. Rates over a year of claims then read a few thousand
-- cells instead of every claim and service line. Only first submissions count (a claim whose control number
-- the same payer already answered in an earlier remittance is a resubmission), reversals never.

create table denial_rate_cell (
    remittance_id  bigint         not null references remittance (id),
    provider       varchar(80)    not null,
    procedure      varchar(48)    not null,
    root_cause     varchar(30),
    claims         int            not null,
    denied         int            not null,
    charged        numeric(16, 2) not null,
    denied_dollars numeric(16, 2)
);
create index ix_denial_rate_cell_remittance on denial_rate_cell (remittance_id);

insert into denial_rate_cell (remittance_id, provider, procedure, root_cause, claims, denied, charged, denied_dollars)
with claim as (
  select cp.id, cp.charge, cp.remittance_id, cp.rendering_provider_npi
    from claim_payment cp
    join remittance r on r.id = cp.remittance_id
   where cp.status <> '22'
     and not exists (select 1 from claim_payment e join remittance er on er.id = e.remittance_id
                      where e.patient_control_number = cp.patient_control_number
                        and er.payer_id is not distinct from r.payer_id
                        and e.remittance_id <> cp.remittance_id and e.id < cp.id)
), first_line as (
  select distinct on (s.claim_payment_id) s.claim_payment_id, s.procedure_code
    from service_line s
   order by s.claim_payment_id, s.position
)
select c.remittance_id, coalesce(c.rendering_provider_npi, '(no rendering NPI)'),
       coalesce(fl.procedure_code, '(no service line)'), d.root_cause,
       count(*), count(d.id), sum(c.charge), sum(d.amount_at_risk)
  from claim c
  left join first_line fl on fl.claim_payment_id = c.id
  left join denial d on d.claim_payment_id = c.id
 group by 1, 2, 3, 4;

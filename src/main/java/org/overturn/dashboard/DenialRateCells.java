package org.overturn.dashboard;

import org.overturn.denial.ClaimPaymentsStored;
import org.overturn.system.IndexScans;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a stored remittance's claims to the dashboard's denial-rate cells (table {@code denial_rate_cell}), in
 * the transaction that stores them: its denials are registered by then, and a claim's standing as a first
 * submission or a resubmission is settled by the remittances before it. Computing the rates from every claim
 * and service line took seconds at a million claims.
 * <p>
 * A remittance gets one cell per dimension and key, as the dashboard groups by one dimension at a time: 'all'
 * (its total), each rendering provider, each first procedure and each root cause of its denials.
 */
@Component
class DenialRateCells {

    private final JdbcTemplate jdbc;

    DenialRateCells(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Synchronous, in the storing transaction: a file's counts commit with its claims or not at all, so a rejected
     * file leaves no rates behind and a stored one is counted once.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ClaimPaymentsStored stored) {
        // a claim that was not denied has no root cause: it counts in every cell but the causes'.
        // The earlier claims are the claims with the same control number, found through its index alone (the
        // fenced subquery: given "e.id < cp.id" too, the planner also read the primary key's range of every
        // claim before this one, 2.7 s a remittance on a new database), then each one's payer as a subquery
        // (joined, the planner walked the payer's remittances first and probed the claims once per remittance).
        // The first lines too are looked up claim by claim through their index. The planner's statistics do not
        // know the rows this transaction wrote: NOT EXISTS and IN over the whole tables hashed every claim and line
        // for every remittance instead (383 ms a 2,500-claim remittance with 44,000 claims stored, and growing).
        IndexScans.forced(jdbc, () -> jdbc.update("""
                insert into denial_rate_cell (remittance_id, dimension, key, claims, denied, charged, denied_dollars)
                with claim as (
                  select cp.id, cp.charge, cp.remittance_id, cp.rendering_provider_npi
                    from remittance_claim_report cp
                    join remittance_report r on r.id = cp.remittance_id
                   where cp.remittance_id = ? and cp.status <> '22'
                     and not exists (
                           select 1
                             from (select e.id, e.remittance_id from remittance_claim_report e
                                    where e.patient_control_number = cp.patient_control_number offset 0) e
                            where e.id < cp.id and e.remittance_id <> cp.remittance_id
                              and (select er.payer_id from remittance_report er where er.id = e.remittance_id)
                                  is not distinct from r.payer_id)
                ), counted as (
                  select c.remittance_id, coalesce(c.rendering_provider_npi, ?) as provider,
                         coalesce(fl.procedure_code, ?) as procedure, d.root_cause, c.charge, d.id as denial_id,
                         d.amount_at_risk
                    from claim c
                    left join lateral (select s.procedure_code from remittance_line_report s where s.claim_payment_id = c.id
                                        order by s.position limit 1) fl on true
                    left join denial_report d on d.claim_payment_id = c.id
                )
                select remittance_id,
                       case when grouping(provider) = 0 then 'provider' when grouping(procedure) = 0 then 'procedure'
                            when grouping(root_cause) = 0 then 'cause' else 'all' end,
                       case when grouping(provider) = 0 then provider when grouping(procedure) = 0 then procedure
                            when grouping(root_cause) = 0 then root_cause else '' end,
                       count(*), count(denial_id), sum(charge), coalesce(sum(amount_at_risk), 0)
                  from counted
                 group by remittance_id, grouping sets ((), (provider), (procedure), (root_cause))
                having grouping(root_cause) = 1 or root_cause is not null
                """, stored.remittanceId(), Kpis.NO_PROVIDER, Kpis.NO_PROCEDURE));
    }
}

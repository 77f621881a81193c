-- Declared read models: views other modules read instead of the owning module's tables, so that a table can
-- change behind its view. Each view is named for the module that owns it and is declared in that module's section.
-- (Views over the process engine's own tables cannot live here: on a new database Flyway runs before the engine
-- creates them.) A view of a whole table ("select *") keeps the columns the table had when this file last ran: a
-- migration that adds a column others need touches this file, and Flyway runs it again.

-- remittance -------------------------------------------------------------------------------------------------
-- (remittance_report has remittance.envelope_warnings since V26; remittance_claim_report has not_a_denial since V27;
-- remittance_report has practice_id since V34_1)

create or replace view remittance_file_report as select * from remittance_file;
create or replace view remittance_report as select * from remittance;
create or replace view remittance_claim_report as select * from claim_payment;
create or replace view remittance_line_report as select * from service_line;

-- claim ------------------------------------------------------------------------------------------------------

-- The claims as billed, their lines and which 835 claim payment answers which claim: what the authorization
-- register counts units from.
create or replace view claim_billed_claim_report as
select id, patient_control_number, payer_id, payer_name, member_id, frequency, submitted_on, billing_npi,
       rendering_npi, prior_authorization, first_service_date, last_service_date, practice_id from billed_claim;
create or replace view claim_billed_line_report as
select id, billed_claim_id, line_number, revenue_code, procedure_code, units, service_date, service_date_to,
       prior_authorization, rendering_npi from billed_line;
create or replace view claim_answer_report as select claim_payment_id, billed_claim_id from claim_answer;
-- The patient as billed (date of birth): what matches a Part 2 consent to the patient whatever the plan.
create or replace view claim_billed_patient_report as select id, member_id, patient_birth_date from billed_claim;

-- denial -----------------------------------------------------------------------------------------------------
-- (denial_report has denial.path since V27_1, practice_id since V34_3)

create or replace view denial_report as select * from denial;
create or replace view denial_appeal_report as select * from appeal;

-- payer, correction, letters, parity ---------------------------------------------------------------------------

create or replace view payer_report as select * from payer;
create or replace view correction_report as select * from corrected_claim;
create or replace view letters_delivery_report as select * from letter_delivery;
create or replace view parity_case_report as select * from parity_case;

-- authorization ----------------------------------------------------------------------------------------------

-- What the register's watch found, and the process that works each finding (the queues count its task).
create or replace view authorization_prevention_report as
select id, kind, payer_id, payer_name, part2, due_at, found_at, process_instance_id, outcome, practice_id
  from authorization_prevention;

-- recoupment -------------------------------------------------------------------------------------------------

-- Which practice each recoupment's process is for (its remittance's): what scopes its tasks.
create or replace view recoupment_process_practice as
select x.process_instance_id, r.practice_id from recoupment x join remittance r on r.id = x.remittance_id
 where x.process_instance_id is not null;

-- underpayment -----------------------------------------------------------------------------------------------

-- Each underpaid service line with what the contract set and what was paid: the remittance page flags its line, the
-- dashboard adds up the dollars.
create or replace view underpayment_report as
select id, service_line_id, claim_payment_id, remittance_id, practice_id, payer_id, payer_name, procedure_code,
       modifier, service_date, units, contracted_amount, allowed_amount, paid_amount, patient_share, underpaid_amount,
       explanation, part2, status, detected_at
  from underpayment;

-- claimstatus ------------------------------------------------------------------------------------------------

-- Which practice each claim status follow-up's process is for (its claim's): what scopes its tasks.
create or replace view claimstatus_process_practice as
select i.process_instance_id, c.practice_id from claim_status_inquiry i join billed_claim c on c.id = i.billed_claim_id
 where i.process_instance_id is not null;

-- workflow ---------------------------------------------------------------------------------------------------

-- Which process instances belong to which denial: its lifecycle, and its parity escalation when it has one.
create or replace view workflow_denial_process as
select denial_id, kind, process_instance_id, started_at from denial_process;

-- Every open task by queue with its denial's facts, kept by the engine's task events (queue counts, dashboard); a
-- prevention task (no denial) has its finding's practice.
create or replace view workflow_queue_task as
select q.task_id, q.queue, q.denial_id, q.due_date, q.amount_at_risk, q.payer_id, q.payer_name, q.remittance_date,
       coalesce(d.practice_id, p.practice_id) as practice_id
  from queue_task q left join denial d on d.id = q.denial_id
  left join authorization_prevention_report p on p.id = q.prevention_id;

-- Every SLA breach: which task of which denial went past its queue's SLA, and when.
create or replace view workflow_sla_breach as
select id, denial_id, task_definition_key, task_id, queue, breached_at from sla_breach;

-- Every queue a denial's tasks were ever offered to.
create or replace view workflow_denial_queue_visit as
select denial_id, queue from denial_queue_visit;

-- practice ---------------------------------------------------------------------------------------------------

-- The practices by id and name, for rows that name their practice.
create or replace view practice_report as
select id, name, status, tax_id, group_npi, contact_email from practice;

-- Which practices each user works: the access gate's practice facts. A user assigned to every practice gets a row
-- for each practice there is, those added later too.
create or replace view practice_user_scope as
select a.user_id, a.practice_id from practice_assignment a where a.practice_id is not null
union
select a.user_id, p.id from practice_assignment a cross join practice p where a.practice_id is null;

-- security ---------------------------------------------------------------------------------------------------

-- The access gate's facts (security.DenialAccess): each denial with its Part 2 flag and every queue it is or
-- was in: the queue its root cause chose (denial) and each queue one of its tasks was offered to (workflow).
create or replace view security_denial_scope as
select d.id as denial_id, d.part2, d.queue, d.practice_id from denial d
union
select v.denial_id, d.part2, v.queue, d.practice_id from workflow_denial_queue_visit v join denial d on d.id = v.denial_id;

package org.overturn.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.overturn.denial.DenialView;
import org.overturn.denial.AppealDeadlines;
import org.overturn.denial.Denials;
import org.overturn.denial.WorkQueue;
import org.overturn.parity.ParityCases;
import org.overturn.workflow.DenialLifecycle;
import org.overturn.worklist.TaskProblem;
import org.overturn.worklist.TaskWork;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's billing office at work over the months its remittances cover, so that the local run opens
 * on a backlog worked in part: corrected claims resubmitted and paid, appeals prepared, approved, emailed and
 * won or lost, write-offs decided, parity concerns reviewed, and the newest month's denials mostly still
 * waiting in their queues.
 * <p>
 * Everything goes through the product: remittances through the intake, tasks through the work queues' service
 * as the demo users ({@link DemoStaff}), decision letters and plans' analyses as the pages record them, and the
 * engine's jobs and timers at their due times ({@link Timeline}). Who does what, and when, is rolled with
 * {@link Dice}: a replay on the same day tells the same story.
 */
@Component
@Profile("demo")
class DemoWork {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoWork.class);
    private static final long SEED = 835_2026L;
    private static final ZoneId ZONE = ZoneId.systemDefault();

    /** A file as it arrives: an 835 or 277CA the clearinghouse delivers, an 837 the clinic sends. */
    record Delivery(Instant arrival, String fileName, byte[] content) {
    }

    /** What the replay left behind, counted from the database: no patient, claim or amount of one claim. */
    record Summary(long denials, long tasksCompleted, Set<String> workers, long correctionsSent, long appealsSent,
                   long overturned, long upheld, BigDecimal recovered, long writtenOff, long lettersEmailed,
                   long tasksOpen, int refused, int jobsFailed) {
    }

    private final ProcessEngine engine;
    private final TaskWork work;
    private final Denials denials;
    private final ParityCases parityCases;
    private final JdbcTemplate jdbc;
    private final org.overturn.denial.HoldHarmless holdHarmless;
    private final AppealDeadlines deadlines;

    DemoWork(ProcessEngine engine, TaskWork work, Denials denials, ParityCases parityCases, JdbcTemplate jdbc,
             org.overturn.denial.HoldHarmless holdHarmless, AppealDeadlines deadlines) {
        this.holdHarmless = holdHarmless;
        this.deadlines = deadlines;
        this.engine = engine;
        this.work = work;
        this.denials = denials;
        this.parityCases = parityCases;
        this.jdbc = jdbc;
    }

    /**
     * Delivers the files at their arrival times and works what they bring until {@code until}.
     *
     * @param billed  the claims the files carry, by patient control number, for the payers' answers
     * @param sent    the same claims as the clinic's 837s carry them, for the billers' corrections
     * @param deliver stores a delivered file (and what else the office does when one arrives)
     */
    Summary replay(List<Delivery> deliveries, Map<String, ClaimDecision> billed, Map<String, SentClaim> sent,
                   Instant until, Consumer<Delivery> deliver) {
        Instant start = deliveries.stream().map(Delivery::arrival).min(Instant::compareTo).orElse(until)
                .minus(Duration.ofMinutes(1));
        Office office;
        try (Timeline timeline = new Timeline(engine, start)) {
            office = new Office(timeline, billed, sent, until, deliver);
            deliveries.forEach(d -> timeline.at(d.arrival(), () -> deliver.accept(d)));
            timeline.runUntil(until, office::notice);
        }
        return office.summary();
    }

    /** One replay's state: what the office has seen, planned and been told. */
    private final class Office {

        private final Timeline timeline;
        private final Dice dice = new Dice(SEED);
        private final DemoForms forms = new DemoForms(dice, holdHarmless::protectsPatient);
        private final DemoPayers payers;
        private final DemoStaff staff;
        private final TaskService tasks = engine.getTaskService();
        private final RuntimeService runtime = engine.getRuntimeService();
        private final Instant until;
        private final Consumer<Delivery> deliver;
        private final Map<String, SentClaim> sent;
        private final Set<String> seenTasks = new HashSet<>();
        private final Set<String> startedProcesses = new HashSet<>();
        private final Map<String, Integer> occurrences = new HashMap<>();
        private final Set<String> awaitedAnswers = new HashSet<>();
        private final Set<Long> awaitedAnalyses = new HashSet<>();
        /** Appeal decisions the payer made but did not send within the follow-up period, by denial and level. */
        private final Map<String, String> unsentDecisions = new HashMap<>();
        private final Map<String, List<DemoPayers.Reply>> paymentRuns = new HashMap<>();
        /**
         * The denials the office takes up their regime's ladder, one per ladder: the payer upholds level 1 by a
         * dated letter and the billers appeal level 2, so the demo shows a next level with its own clock and recipient.
         */
        private final Map<String, Long> ladders = new HashMap<>();
        private Instant lastLook;
        private int refused;

        Office(Timeline timeline, Map<String, ClaimDecision> billed, Map<String, SentClaim> sent, Instant until,
               Consumer<Delivery> deliver) {
            this.timeline = timeline;
            this.sent = sent;
            this.payers = new DemoPayers(Clinic.billingOffice(), billed, dice);
            this.staff = new DemoStaff(engine.getIdentityService());
            this.until = until;
            this.deliver = deliver;
            this.lastLook = timeline.now();
        }

        /** After every event: new tasks, claims and appeals now waiting for the payer, requests to the plans. */
        void notice() {
            // read, never written, like the queue pages do: the engine's task query costs ten times more. The
            // denials' tasks only (compared as text: a recoupment's or a follow-up's business key is no number)
            jdbc.query("""
                    select t.id_, t.task_def_key_, t.create_time_, t.proc_inst_id_, t.proc_def_id_,
                           p.business_key_, d.patient_control_number
                      from act_ru_task t
                      join act_ru_execution p on p.id_ = t.proc_inst_id_
                      join denial_report d on cast(d.id as varchar) = p.business_key_
                     where t.create_time_ >= ?
                     order by t.create_time_, d.id, t.task_def_key_, t.id_
                    """, row -> {
                String id = row.getString(1);
                if (seenTasks.add(id)) {
                    plan(new NewTask(id, row.getString(2), row.getTimestamp(3).toInstant(), row.getString(4),
                            row.getString(5).startsWith(DenialLifecycle.PROCESS_KEY + ":"), row.getLong(6),
                            row.getString(7)));
                }
            }, java.sql.Timestamp.from(lastLook.minusSeconds(1)));
            lastLook = timeline.now();
            jdbc.query("""
                    select id, status, appeal_level from denial_report
                     where status in ('CORRECTION_SUBMITTED', 'APPEALED') and follows_denial_id is null order by id
                    """, row -> {
                long id = row.getLong(1);
                String status = row.getString(2);
                int level = row.getInt(3);
                if (awaitedAnswers.add(id + ":" + status + ":" + level)) {
                    DenialView denial = denials.find(id).orElseThrow();
                    if (status.equals("CORRECTION_SUBMITTED")) {
                        payerAnswersCorrection(denial);
                    } else {
                        payerDecidesAppeal(denial, level);
                    }
                }
            });
            for (Long denialId : jdbc.queryForList("select denial_id from parity_case_report where status = 'REQUEST_SENT' "
                    + "order by denial_id", Long.class)) {
                if (awaitedAnalyses.add(denialId)) {
                    planAnalysis(denials.find(denialId).orElseThrow());
                }
            }
        }

        /** A task as it appeared: both processes carry their denial's id as business key. */
        private record NewTask(String id, String key, Instant created, String processInstanceId, boolean lifecycle,
                               long denialId, String patientControlNumber) {
        }

        /** Whether, when and by whom a new task gets done. */
        private void plan(NewTask task) {
            int occurrence = occurrences.merge(task.denialId() + task.key(), 1, Integer::sum);
            String subject = task.patientControlNumber() + "|" + task.key() + "|" + occurrence;
            boolean first = startedProcesses.add(task.processInstanceId());
            // a denial climbing its ladder is worked at every step, the next working day: left to the dice (one task
            // in ten never done, a delay of up to four weeks) the Medicaid managed-care walk, the last to reach its
            // level-2 Prepare appeal, stalled there when the replay ended
            boolean climbing = ladders.containsValue(task.denialId());
            double share = climbing ? 1 : first ? firstTouch(task) : 0.9;
            if (dice.chance(subject, "worked", share)) {
                timeline.at(climbing ? nextWorkingDay(task.created(), subject) : workTime(task.created(), subject,
                        "delay"), () -> complete(task, subject));
            } else if (dice.chance(subject, "claimed", 0.3)) {
                // picked up, not finished: the queues show whose it is
                timeline.at(workTime(task.created(), subject, "claim delay"), () -> claim(task, subject));
            }
        }

        /**
         * How likely the office has got to a denial's first task by now: the older the denial, the likelier; of
         * the last weeks' denials most are still waiting, and of the last days' almost all.
         */
        private double firstTouch(NewTask task) {
            long days = Duration.between(task.created(), until).toDays();
            return days > 45 ? 0.95 : days > 30 ? 0.9 : days > 20 ? 0.6 : days > 10 ? 0.35 : 0.12;
        }

        private void complete(NewTask task, String subject) {
            List<String> queues = queuesOf(task);
            if (queues.isEmpty()) {
                return; // done meanwhile: the denial moved on without it
            }
            long denialId = task.denialId();
            String taskId = task.id();
            String key = task.key();
            DenialView denial = denials.find(denialId).orElseThrow();
            int level = task.lifecycle() && runtime.getVariable(task.processInstanceId(),
                    DenialLifecycle.Variables.APPEAL_LEVEL) instanceof Number n ? n.intValue() : 1;
            String decision = null;
            if (key.equals(DenialLifecycle.Tasks.FOLLOW_UP_APPEAL) && dice.chance(subject, "learns decision", 0.7)) {
                decision = unsentDecisions.remove(denialId + ":" + level);
            }
            Map<String, Object> chosen = forms.of(key, subject, denial, level, today(), decision,
                    sent.get(denial.patientControlNumber()));
            if (chosen == null) {
                return;
            }
            // a denial climbing its ladder is appealed at its next level, never written off there
            Map<String, Object> form = key.equals(DenialLifecycle.Tasks.PREPARE_APPEAL) && level > 1
                    && ladders.containsValue(denialId) ? forms.submittedAppeal(subject, denial, level) : chosen;
            String user = userFor(queues, denial, subject);
            try {
                staff.as(user, () -> work.complete(taskId, form, staff.user(user)));
            } catch (TaskProblem problem) {
                refused++;
                log.warn("Demo: {} of denial #{} not completed: {} {}", key, denialId, problem.getMessage(),
                        problem.fieldErrors().keySet());
                return;
            }
            if (key.equals(DenialLifecycle.Tasks.FOLLOW_UP_CORRECTION) && "PENDING".equals(form.get("followUpOutcome"))) {
                reply(denial, dice.chance(subject, "paid after all", 0.8) ? DemoPayers.Answer.PAID
                        : DemoPayers.Answer.DENIED_AGAIN, dice.between(subject, "still pending", 5, 12));
            } else if (key.equals(DenialLifecycle.Tasks.FOLLOW_UP_APPEAL) && decision == null) {
                String planned = unsentDecisions.remove(denialId + ":" + level);
                decisionLetter(denial, planned != null ? planned : decide(denial, level),
                        today().plusDays(dice.between(subject, "letter follows", 5, 15)), subject);
            }
        }

        private void claim(NewTask task, String subject) {
            List<String> queues = queuesOf(task);
            if (queues.isEmpty()) {
                return;
            }
            String user = userFor(queues, denials.find(task.denialId()).orElseThrow(), subject);
            try {
                staff.as(user, () -> work.claim(task.id(), staff.user(user)));
            } catch (TaskProblem problem) {
                refused++;
            }
        }

        /** The task's candidate groups (its queue, and managers once it is overdue); none once it is done. */
        private List<String> queuesOf(NewTask task) {
            return jdbc.queryForList("select group_id_ from act_ru_identitylink where task_id_ = ? "
                    + "and type_ = 'candidate' and group_id_ is not null order by group_id_", String.class, task.id());
        }

        /** A corrected claim: most are paid in one of the payer's next runs, some denied again, some unanswered. */
        private void payerAnswersCorrection(DenialView denial) {
            String s = denial.patientControlNumber() + "|correction";
            double roll = dice.roll(s, "payer's answer");
            if (roll < 0.7) {
                reply(denial, DemoPayers.Answer.PAID, dice.between(s, "days", 9, 20));
            } else if (roll < 0.85) {
                reply(denial, DemoPayers.Answer.DENIED_AGAIN, dice.between(s, "days", 9, 20));
            }
            // else no answer: the process's 30-day follow-up brings it back to a biller
        }

        /**
         * An appeal: decided by the payer after two to four weeks, overturned about as often as such appeals are
         * (less at the second level); an overturn mostly comes as payment in an 835, the rest as a letter; a fifth
         * of the payers do not answer before the 30-day follow-up.
         */
        private void payerDecidesAppeal(DenialView denial, int level) {
            String s = denial.patientControlNumber() + "|appeal " + level;
            if (level == 1 ? climbs(denial) : ladders.containsValue(denial.id())) {
                decisionLetter(denial, level == 1 ? "UPHELD" : decide(denial, level),
                        today().plusDays(dice.between(s, "days", 12, 24)), s);
                return;
            }
            String decision = decide(denial, level);
            double channel = dice.roll(s, "channel");
            if (channel < 0.2) {
                unsentDecisions.put(denial.id() + ":" + level, decision);
            } else if (decision.equals("OVERTURNED") && channel < 0.65 && payers.knows(denial.patientControlNumber())) {
                reply(denial, DemoPayers.Answer.PAID, dice.between(s, "days", 12, 22));
            } else {
                decisionLetter(denial, decision, today().plusDays(dice.between(s, "days", 12, 24)), s);
            }
        }

        /** Whether the denial is the first of its ladder (Medicare, Medicaid managed care, ERISA) to climb it. */
        private boolean climbs(DenialView denial) {
            String ladder = deadlines.step(denial.id()).map(step -> switch (step.regime()) {
                case MEDICARE_AB, MEDICARE_ADVANTAGE -> "Medicare";
                case MEDICAID_MANAGED_CARE -> "Medicaid managed care";
                case ERISA -> "ERISA";
                default -> null;
            }).orElse(null);
            // time left in the replay for the letter (up to 24 days) and the next level's appeal to go out
            boolean timeToClimb = Duration.between(timeline.now(), until).toDays() > 45;
            if (ladder == null || denial.part2() || ladders.containsKey(ladder) || !timeToClimb
                    || !deadlines.hasLevelAfter(denial.id(), 1)) {
                return false;
            }
            ladders.put(ladder, denial.id());
            return true;
        }

        private String decide(DenialView denial, int level) {
            double rate = switch (denial.rootCause()) {
                case TIMELY_FILING -> 0.7;
                case AUTHORIZATION, TELEHEALTH -> 0.62;
                case MEDICAL_NECESSITY, MISSING_INFORMATION -> 0.55;
                case CREDENTIALING, CODING -> 0.5;
                case BENEFIT_LIMIT, COORDINATION_OF_BENEFITS -> 0.38;
                default -> 0.42;
            };
            return dice.chance(denial.patientControlNumber() + "|appeal " + level, "overturned",
                    level > 1 ? rate * 0.7 : rate) ? "OVERTURNED" : "UPHELD";
        }

        /** The payer's letter arrives in the mail; a biller records it that day or the next. */
        private void decisionLetter(DenialView denial, String decision, LocalDate arrives, String s) {
            Instant at = workingDay(arrives, 0).atTime(LocalTime.of(9, 0).plusMinutes(dice.between(s, "opened", 0, 420)))
                    .atZone(ZONE).toInstant();
            // the payer dated the letter a few days before it arrived: the next level's window counts from then
            LocalDate dated = arrives.minusDays(dice.between(s, "in the mail", 2, 5));
            timeline.at(at, () -> {
                String user = billerFor(denial, s);
                try {
                    staff.as(user, () -> work.recordAppealDecision(denial.id(), decision, dated, staff.user(user)));
                } catch (TaskProblem problem) {
                    // the follow-up came first: the biller who calls will hear it
                    unsentDecisions.put(denial.id() + ":" + Math.max(1, denial.appealLevel()), decision);
                }
            });
        }

        /** A claim sent back to the payer is answered in its first payment run after {@code days}. */
        private void reply(DenialView denial, DemoPayers.Answer answer, int days) {
            String pcn = denial.patientControlNumber();
            if (!payers.knows(pcn)) {
                return;
            }
            String payerId = payers.payerOf(pcn);
            LocalDate run = payers.paymentRunOnOrAfter(payerId, today().plusDays(days));
            String key = payerId + "|" + payers.payeeOf(pcn).npi() + "|" + run;
            List<DemoPayers.Reply> batch = paymentRuns.get(key);
            if (batch == null) {
                List<DemoPayers.Reply> replies = new ArrayList<>();
                paymentRuns.put(key, replies);
                timeline.at(payers.arrivalOf(run), () -> {
                    paymentRuns.remove(key);
                    deliver.accept(payers.paymentRun(payerId, run, replies));
                });
                batch = replies;
            }
            batch.add(new DemoPayers.Reply(pcn, answer, today()));
        }

        /** Some plans send the comparative analysis the parity specialist asked for within the month. */
        private void planAnalysis(DenialView denial) {
            String s = denial.patientControlNumber() + "|analysis";
            if (!dice.chance(s, "plan answers", 0.6)) {
                return;
            }
            timeline.at(workTime(timeline.now().plus(Duration.ofDays(dice.between(s, "days", 12, 24))), s, "delay"),
                    () -> {
                        try {
                            staff.as(DemoStaff.PARITY, () -> parityCases.analysisReceived(denial.id(),
                                    "The plan's NQTL comparative analysis of the limitation, with the criteria it "
                                            + "applies and the medical/surgical benefits it compared."));
                        } catch (IllegalStateException e) {
                            // the case went on without it (the response window ran out first)
                        }
                    });
        }

        /**
         * Managers' queue to the manager, parity to the specialist, billing queues to the billers; a Part 2 denial's
         * managers' or parity task to the admin, the one demo user with both the role and Part 2 access.
         */
        private String userFor(List<String> groups, DenialView denial, String subject) {
            String queue = groups.stream().filter(g -> !g.equals(WorkQueue.MANAGERS)).findFirst()
                    .orElse(WorkQueue.MANAGERS);
            return switch (queue) {
                case WorkQueue.MANAGERS -> denial.part2() ? DemoStaff.ADMIN : DemoStaff.MANAGER;
                case WorkQueue.PARITY -> denial.part2() ? DemoStaff.ADMIN : DemoStaff.PARITY;
                default -> billerFor(denial, subject);
            };
        }

        /** Substance-use (Part 2) denials go to the biller who may see them, who also takes a share of the rest. */
        private String billerFor(DenialView denial, String subject) {
            return denial.part2() || dice.chance(subject, "biller", 0.3) ? DemoStaff.SUD_BILLER : DemoStaff.BILLER;
        }

        /**
         * When someone gets to a task: mostly within two working days, some within the week, a few much later;
         * during office hours, never before the task was there.
         */
        private Instant nextWorkingDay(Instant from, String subject) {
            LocalDate day = workingDay(LocalDate.ofInstant(from, ZONE), 1);
            return day.atTime(LocalTime.of(8, 30).plusMinutes(dice.between(subject, "ladder time", 0, 480)))
                    .atZone(ZONE).toInstant();
        }

        private Instant workTime(Instant from, String subject, String question) {
            double roll = dice.roll(subject, question);
            int days = roll < 0.65 ? dice.between(subject, question + " days", 0, 2)
                    : roll < 0.9 ? dice.between(subject, question + " days", 3, 7)
                    : dice.between(subject, question + " days", 8, 20);
            LocalDate day = workingDay(LocalDate.ofInstant(from, ZONE), days);
            LocalTime time = LocalTime.of(8, 30).plusMinutes(dice.between(subject, question + " time", 0, 480));
            Instant at = day.atTime(time).atZone(ZONE).toInstant();
            return at.isAfter(from) ? at : workingDay(day.plusDays(1), 0).atTime(time).atZone(ZONE).toInstant();
        }

        private static LocalDate workingDay(LocalDate from, int workingDays) {
            LocalDate day = from;
            while (isWeekend(day)) {
                day = day.plusDays(1);
            }
            for (int i = 0; i < workingDays; i++) {
                day = day.plusDays(1);
                while (isWeekend(day)) {
                    day = day.plusDays(1);
                }
            }
            return day;
        }

        private static boolean isWeekend(LocalDate day) {
            return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        }

        private LocalDate today() {
            return LocalDate.ofInstant(timeline.now(), ZONE);
        }

        Summary summary() {
            List<HistoricTaskInstance> done = engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .finished().taskDeleteReason("completed").list();
            Set<String> workers = new TreeSet<>();
            done.stream().map(HistoricTaskInstance::getAssignee).filter(java.util.Objects::nonNull).forEach(workers::add);
            Map<String, Object> appeals = jdbc.queryForMap("""
                    select count(*) as sent, count(*) filter (where outcome = 'OVERTURNED') as overturned,
                           count(*) filter (where outcome = 'UPHELD') as upheld from denial_appeal_report""");
            Map<String, Object> closed = jdbc.queryForMap("""
                    select count(*) as denials,
                           coalesce(sum(recovered_amount) filter (where status = 'RECOVERED'), 0) as recovered,
                           count(*) filter (where status = 'WRITTEN_OFF') as written_off
                      from denial_report where follows_denial_id is null""");
            return new Summary(((Number) closed.get("denials")).longValue(), done.size(), workers,
                    jdbc.queryForObject("select count(*) from correction_report where submitted_at is not null", Long.class),
                    ((Number) appeals.get("sent")).longValue(), ((Number) appeals.get("overturned")).longValue(),
                    ((Number) appeals.get("upheld")).longValue(), (BigDecimal) closed.get("recovered"),
                    ((Number) closed.get("written_off")).longValue(),
                    jdbc.queryForObject("select count(*) from letters_delivery_report", Long.class),
                    tasks.createTaskQuery().count(), refused, timeline.jobsFailed());
        }
    }
}

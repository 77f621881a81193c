package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.authorization.AuthorizationStatus;
import org.overturn.authorization.AuthorizationTerms;
import org.overturn.authorization.LevelOfCare;
import org.overturn.authorization.UnitType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.overturn.payer.AuthorizationRules;
import java.util.Set;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the clinic's authorizations coordinator imported from the payers' portals: an authorization for every number
 * the demo claims carry, over the calendar quarter its number was issued for, with the services billed under it.
 * Most leave units to spare; about one in ten was approved for fewer units than the clinic went on to bill (used
 * up), about one in ten never reached the register (missing), and the stays and programs (PHP, IOP, residential)
 * have a concurrent review coming up, so the register, its "running out" list and the authorization denials all show
 * real cases. Claims denied for an authorization carry the previous quarter's number: expired.
 */
@Component
@Profile("demo")
class DemoAuthorizations {

    private static final Pattern QUARTER = Pattern.compile("A(\\d{4})\\d{5}$");
    private static final DateTimeFormatter YYMM = DateTimeFormatter.ofPattern("yyMMdd");

    /** The coordinator keeps substance-use authorizations too: Part 2 access. */
    private static final CurrentUser COORDINATOR = new CurrentUser(DemoStaff.ADMIN, Set.of(Roles.ADMIN), Set.of());

    private final JdbcTemplate jdbc;
    /**
     * What the demo payers authorize in advance: every program and stay level for all but traditional Medicare
     * (which has no prior authorization for these services), and the 60-minute psychotherapy visit for the HMO and
     * the Medicaid plans. A demo setting, not a payer fact.
     */
    static final Set<String> PROGRAM_LEVELS = Set.of(LevelOfCare.INTENSIVE_OUTPATIENT.name(),
            LevelOfCare.PARTIAL_HOSPITALIZATION.name(), LevelOfCare.RESIDENTIAL.name(),
            LevelOfCare.WITHDRAWAL_MANAGEMENT.name(), LevelOfCare.INPATIENT.name());
    static final String OUTPATIENT_CODE = "90837";
    static final String WATCH_PROCESS = "authorization-watch";
    /** The morning timer start event (the findings' own due-date timers are jobs of the same process). */
    static final String WATCH_START = "Start_DailyWatch";

    private final AuthorizationRegister register;
    private final AuthorizationRules rules;
    private final ManagementService management;

    DemoAuthorizations(JdbcTemplate jdbc, AuthorizationRegister register, AuthorizationRules rules,
                       ProcessEngine engine) {
        this.jdbc = jdbc;
        this.register = register;
        this.rules = rules;
        this.management = engine.getManagementService();
    }

    /** Enters the payers' authorization rules; answers how many payers have one. */
    int requireInAdvance() {
        int payers = 0;
        for (Payer p : Payer.catalog()) {
            if (p.planType() == PlanType.MEDICARE) {
                continue;
            }
            Set<String> codes = new java.util.TreeSet<>(PROGRAM_LEVELS);
            if (p.planType() == PlanType.COMMERCIAL_HMO || p.planType() == PlanType.MEDICAID) {
                codes.add(OUTPATIENT_CODE);
            }
            if (rules.require(p.payerId(), codes, "demo")) {
                payers++;
            }
        }
        return payers;
    }

    /**
     * Runs the watch's morning look once, now, so the authorizations queue opens with its prevention tasks rather
     * than at the next 06:00: executes the process's timer start job (public ManagementService API), which also
     * schedules the next morning.
     */
    int watchOnce() {
        int jobs = 0;
        for (Job job : management.createJobQuery().processDefinitionKey(WATCH_PROCESS).activityId(WATCH_START)
                .timers().list()) {
            management.executeJob(job.getId());
            jobs++;
        }
        return jobs;
    }

    /** Enters each practice's authorizations in one import for that practice (the practice its claims billed as). */
    int enter(LocalDate today) {
        Map<Long, List<AuthorizationTerms>> byPractice = new TreeMap<>();
        jdbc.query("""
                select c.member_id, c.payer_id, max(c.payer_name),
                       coalesce(l.prior_authorization, c.prior_authorization) as number, min(l.service_date),
                       sum(coalesce(l.units, 1)),
                       array_agg(distinct coalesce(l.procedure_code, l.revenue_code)), c.practice_id
                  from claim_billed_claim_report c join claim_billed_line_report l on l.billed_claim_id = c.id
                 where coalesce(l.prior_authorization, c.prior_authorization) is not null
                   and c.member_id is not null and c.payer_id is not null and l.service_date is not null
                 group by c.practice_id, c.member_id, c.payer_id,
                          coalesce(l.prior_authorization, c.prior_authorization)
                 order by 4
                """, rs -> {
            List<AuthorizationTerms> terms = byPractice.computeIfAbsent(rs.getLong(8), p -> new ArrayList<>());
            String number = rs.getString(4).strip();
            int dice = Math.floorMod(number.hashCode(), 10);
            if (dice == 0) {
                return; // never entered: its denials find none on file
            }
            LocalDate from = quarterOf(number, rs.getObject(5, LocalDate.class));
            LocalDate to = from.plusMonths(3).minusDays(1);
            BigDecimal billed = rs.getBigDecimal(6);
            List<String> codes = Arrays.stream((String[]) rs.getArray(7).getArray())
                    .filter(c -> c != null && c.matches("[A-Z0-9]{4,5}")).distinct().sorted().toList();
            if (codes.isEmpty()) {
                return;
            }
            LevelOfCare level = LevelOfCare.of(codes);
            BigDecimal approved = dice == 1 ? billed.subtract(BigDecimal.ONE).max(BigDecimal.ONE)
                    : billed.add(BigDecimal.valueOf(2 + dice));
            boolean current = !today.isBefore(from) && !today.isAfter(to);
            LocalDate review = level != LevelOfCare.OUTPATIENT && current ? today.plusDays(dice % 5) : null;
            AuthorizationStatus status = to.isBefore(today) ? AuthorizationStatus.EXPIRED
                    : dice == 2 ? AuthorizationStatus.PARTIALLY_APPROVED : AuthorizationStatus.APPROVED;
            terms.add(new AuthorizationTerms(rs.getString(2), rs.getString(3), rs.getString(1), null, number, level,
                    codes, level == LevelOfCare.OUTPATIENT ? UnitType.VISITS : UnitType.DAYS, approved, from, to,
                    null, null, review, status));
        });
        int created = 0;
        for (var practice : byPractice.entrySet()) {
            if (practice.getValue().isEmpty()) {
                continue;
            }
            created += register.importAll(practice.getValue(), practice.getKey(), COORDINATOR).created();
        }
        return created;
    }

    /** The quarter the payer issued the number for (ClaimCoding's numbers say it), else the first date's. */
    private static LocalDate quarterOf(String number, LocalDate firstService) {
        Matcher m = QUARTER.matcher(number);
        LocalDate date = m.find() ? LocalDate.parse(m.group(1) + "01", YYMM) : firstService;
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }
}

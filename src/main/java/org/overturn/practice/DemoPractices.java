package org.overturn.practice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo billing office's three practices, each with its letterhead, and who works them: {@code biller-a} the
 * first only (DESIGN section 3), {@code biller-b} the second and {@code biller-c} the third; the other demo users every
 * practice. Never created outside the demo and test
 * profiles. The demo generator writes each practice's NPI as the payee of its remittances.
 */
@Component
@Profile({"demo", "test"})
public class DemoPractices {

    /**
     * A demo practice: its billing NPI recognises its files.
     *
     * @param logo its letterhead's logo, a PNG under {@code practice/demo-logos/} on the classpath (drawn for the
     *             demo)
     */
    public record DemoPractice(String name, String npi, String taxId, List<String> address, String phone,
                               String signer, String signerTitle, String email, String logo) {

        /** The logo as the letters take it: a data: URI (the PDF renderer fetches no URL). */
        public String logoDataUri() {
            try (InputStream in = DemoPractices.class.getResourceAsStream("/practice/demo-logos/" + logo)) {
                if (in == null) {
                    throw new IllegalStateException("no demo logo " + logo);
                }
                return "data:image/png;base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final DemoPractice GROUP_THERAPY = new DemoPractice("Riverbend Behavioral Health", "2048157368",
            "841736520", List.of("1200 Riverbend Pkwy, Suite 300", "Millbrook, PA 17050"), "(717) 555-0140",
            "Grace Lindqvist, LMFT", "Clinical Director", "billing@riverbend-bh.example", "riverbend.png");
    public static final DemoPractice PSYCHIATRIC_GROUP = new DemoPractice("Millbrook Psychiatric Associates",
            "3079264156", "841736537", List.of("48 Market Street", "Millbrook, PA 17050"), "(717) 555-0188",
            "Helen Okafor, MD", "Medical Director", "office@millbrook-psych.example", "millbrook.png");
    public static final DemoPractice SUD_PROGRAM = new DemoPractice("Harbor Light Recovery Program", "4091375244",
            "841736544", List.of("9 Harbor Road", "Millbrook, PA 17051"), "(717) 555-0122",
            "Jerome Pike, CADC", "Program Director", "admin@harborlight.example", "harborlight.png");

    public static final List<DemoPractice> ALL = List.of(GROUP_THERAPY, PSYCHIATRIC_GROUP, SUD_PROGRAM);

    /** The demo user who works the first practice only. */
    public static final String FIRST_PRACTICE_USER = "biller-a";
    /** The demo users who work the psychiatric group only and the SUD program only. */
    public static final String SECOND_PRACTICE_USER = "biller-b";
    public static final String THIRD_PRACTICE_USER = "biller-c";

    private final JdbcTemplate jdbc;
    private final List<String> everyPracticeUsers;

    /**
     * @param everyPracticeUsers the users who work every practice: the demo users but {@code biller-a} (the test
     *                           profile adds the users its process tests work as)
     */
    DemoPractices(JdbcTemplate jdbc,
                  @Value("${overturn.practice.demo-every-practice-users:biller,sud-biller,parity,manager}")
                  List<String> everyPracticeUsers) {
        this.jdbc = jdbc;
        this.everyPracticeUsers = List.copyOf(everyPracticeUsers);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void create() {
        for (DemoPractice p : ALL) {
            jdbc.update("""
                    insert into practice (name, tax_id, group_npi, status, address_lines, phone, signer_name,
                                          signer_title, contact_email, logo_data_uri, recognised_from)
                    values (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, 'CREATED')
                    on conflict (group_npi) where group_npi is not null do nothing
                    """, p.name(), p.taxId(), p.npi(), p.address().toArray(String[]::new), p.phone(), p.signer(),
                    p.signerTitle(), p.email(), p.logoDataUri());
        }
        assign(FIRST_PRACTICE_USER, GROUP_THERAPY);
        assign(SECOND_PRACTICE_USER, PSYCHIATRIC_GROUP);
        assign(THIRD_PRACTICE_USER, SUD_PROGRAM);
        for (String user : everyPracticeUsers) {
            jdbc.update("""
                    insert into practice_assignment (user_id, practice_id) values (?, null) on conflict do nothing
                    """, user);
        }
    }

    private void assign(String user, DemoPractice practice) {
        Long id = jdbc.queryForObject("select id from practice where group_npi = ?", Long.class, practice.npi());
        jdbc.update("""
                insert into practice_assignment (user_id, practice_id) values (?, ?) on conflict do nothing
                """, user, id);
    }
}

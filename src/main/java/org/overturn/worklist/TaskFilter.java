package org.overturn.worklist;

import java.util.Locale;

/**
 * What a biller narrows a queue to; every part is optional. {@code assignee} is a user id, {@link #ME},
 * or {@link #NOBODY} for unclaimed tasks; {@code age} is an aging bucket of the denial, counted in days since
 * the payer's remittance ({@code 0-30}, {@code 31-60}, {@code 61-90}, {@code 91-120}, {@code 121+}).
 */
public record TaskFilter(String payer, String rootCause, String cpt, String age, String assignee, Sort sort,
                         Long practice) {

    public static final String ME = "me";
    public static final String NOBODY = "nobody";

    /** How the queue is ordered: the priority score (dollars, days left, overturn likelihood) or one part. */
    public enum Sort {
        PRIORITY("t.priority_ desc, d.appeal_due_date asc nulls last, t.create_time_ asc"),
        DOLLARS("d.amount_at_risk desc, t.priority_ desc"),
        DEADLINE("d.appeal_due_date asc nulls last, t.priority_ desc"),
        OLDEST("d.remittance_date asc nulls last, t.priority_ desc"),
        /** By practice name, then priority: a billing office works client by client. */
        PRACTICE("(select p.name from practice_report p where p.id = d.practice_id), t.priority_ desc");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        static Sort of(String text) {
            if (text == null || text.isBlank()) {
                return PRIORITY;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return PRIORITY;
            }
        }
    }

    public static final TaskFilter NONE = new TaskFilter(null, null, null, null, null, Sort.PRIORITY, null);

    public static TaskFilter of(String payer, String rootCause, String cpt, String age, String assignee, String sort) {
        return of(payer, rootCause, cpt, age, assignee, sort, null);
    }

    /** {@code practice}: one practice's tasks only (the user's practices are the scope whatever it says). */
    public static TaskFilter of(String payer, String rootCause, String cpt, String age, String assignee, String sort,
                                Long practice) {
        return new TaskFilter(blankToNull(payer), blankToNull(rootCause), blankToNull(cpt), blankToNull(age),
                blankToNull(assignee), Sort.of(sort), practice);
    }

    /** Whether any part narrows by what the denial says (which Part 2 rows may not reveal). */
    boolean narrowsByContent() {
        return payer != null || rootCause != null || cpt != null;
    }

    /** Lower and upper bound in days of the age bucket, or null when none (or an unknown one) is chosen. */
    int[] ageRange() {
        if (age == null) {
            return null;
        }
        return switch (age) {
            case "0-30" -> new int[] {0, 30};
            case "31-60" -> new int[] {31, 60};
            case "61-90" -> new int[] {61, 90};
            case "91-120" -> new int[] {91, 120};
            case "121+" -> new int[] {121, Integer.MAX_VALUE};
            default -> null;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

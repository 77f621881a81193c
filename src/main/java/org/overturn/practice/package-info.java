/**
 * The practices (clients) a billing office serves: one per billing provider, with its tax id, NPIs, letterhead and
 * contact; recognised from the 835 payee and the 837 billing provider ({@link org.overturn.practice.Practices}),
 * a stranger created PENDING until an administrator confirms it; and which users work which practices, the facts
 * the access gate ({@code security.PracticeAccess}) reads through the declared view {@code practice_user_scope}.
 * Each practice's page shows its own terms with payers and contracted rates (kept by {@code payer}) and its Part 2
 * programs (kept by {@code part2}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"part2", "payer", "security"})
package org.overturn.practice;

/**
 * The authorization register: what each payer approved for a member (number, level of care, services, units,
 * visits or days, span, the provider it is restricted to, the next concurrent review), how much of it the claims
 * on file have used, and what an authorization denial's claim finds in it ({@link
 * org.overturn.authorization.AuthorizationCheck}). Records come from the API, the register's page and an Excel or
 * CSV import. Its watch ({@link org.overturn.authorization.AuthorizationWatch}) finds the work before a denial:
 * authorizations running out, claims on file without the authorization their payer requires, claims beyond the
 * units approved. Other modules use {@link org.overturn.authorization.AuthorizationRegister}, {@link
 * org.overturn.authorization.AuthorizationCheck} and {@link org.overturn.authorization.AuthorizationWatch}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "codeset", "part2", "payer", "practice", "remittance", "security"})
package org.overturn.authorization;

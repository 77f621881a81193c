/**
 * The authorization register: what each payer approved for a member (number, level of care, services, units,
 * visits or days, span, the provider it is restricted to, the next concurrent review), how much of it the claims
 * on file have used, and what an authorization denial's claim finds in it ({@link
 * org.overturn.authorization.AuthorizationCheck}). Records come from the API, the register's page and an Excel or
 * CSV import. Other modules use {@link org.overturn.authorization.AuthorizationRegister} and {@link
 * org.overturn.authorization.AuthorizationCheck}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"part2", "payer", "remittance", "security"})
package org.overturn.authorization;

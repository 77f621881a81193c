/**
 * Who may do what: logins against the process engine's identity store (one set of users and groups for
 * Overturn, Cockpit and the engine's REST API), roles, work-queue membership and Part 2 access.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.overturn.security;

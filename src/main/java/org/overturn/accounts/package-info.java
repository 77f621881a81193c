/**
 * The people and groups Overturn knows: every role and work queue exists as an engine group; the demo run
 * gets its demo users; a production database starts with one administrator whose password comes from
 * configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"denial", "security"})
package org.overturn.accounts;

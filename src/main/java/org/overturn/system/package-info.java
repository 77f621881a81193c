/**
 * What every module runs on: the data directory, the embedded PostgreSQL of the local run, the clock.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.overturn.system;

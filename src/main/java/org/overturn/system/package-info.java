/**
 * What every module runs on: the data directory, the embedded PostgreSQL of the local run, the clock.
 */
package org.overturn.system;

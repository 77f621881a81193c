/**
 * Internals of the denial module: CSV reading, the VistA apostrophe repair, the routine-adjustment rules and
 * the behavioral-health code sets. Other modules use the types in {@code org.overturn.denial} instead.
 */
package org.overturn.denial.internal;

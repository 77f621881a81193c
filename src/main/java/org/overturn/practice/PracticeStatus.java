package org.overturn.practice;

/** A practice recognised from a file nobody had entered waits PENDING until an administrator confirms it. */
public enum PracticeStatus {
    ACTIVE,
    PENDING
}

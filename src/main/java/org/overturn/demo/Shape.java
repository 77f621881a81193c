package org.overturn.demo;

/** What a claim must look like for an adjudication to make sense, e.g. a partial denial needs two lines. */
enum Shape {
    ANY,
    /** at least two lines */
    MULTI_LINE,
    /** at least two dates of service */
    MULTI_DATE,
    /** telehealth and in-person dates of service on one claim */
    MIXED_TELEHEALTH,
    ALL_TELEHEALTH,
    /** an add-on code (90785, 90833, 90836) next to its primary service */
    ADD_ON
}

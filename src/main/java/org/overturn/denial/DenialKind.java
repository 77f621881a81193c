package org.overturn.denial;

/** FULL: nothing paid because of a non-routine adjustment (or CLP02 4). PARTIAL: paid, but less than due. */
public enum DenialKind { FULL, PARTIAL }

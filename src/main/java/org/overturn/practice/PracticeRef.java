package org.overturn.practice;

/** The practice a denial, remittance or task row belongs to, as every such row in the API carries it. */
public record PracticeRef(long id, String name) {
}

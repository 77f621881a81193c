package org.overturn.security;

import java.util.List;

/** A piece of a WHERE clause ({@code " and ..."}, or empty) with its parameters, in order. */
public record SqlCondition(String sql, List<Object> args) {

    public static final SqlCondition NONE = new SqlCondition("", List.of());

    public SqlCondition {
        args = List.copyOf(args);
    }

    public SqlCondition and(SqlCondition other) {
        var all = new java.util.ArrayList<>(args);
        all.addAll(other.args);
        return new SqlCondition(sql + other.sql, all);
    }
}

package org.overturn.authorization;

/**
 * What an authorization counts. Units and days are the units billed on its lines (a room-and-board line's units
 * are its days); visits are the distinct dates of service.
 */
public enum UnitType {
    UNITS, VISITS, DAYS
}

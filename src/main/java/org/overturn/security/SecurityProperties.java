package org.overturn.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUser     the first administrator created when a production database has no users
 * @param adminPassword its password: required in production, never defaulted
 */
@ConfigurationProperties("overturn.security")
public record SecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword) {
}

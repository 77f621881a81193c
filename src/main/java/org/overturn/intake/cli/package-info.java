/**
 * Commands run from the jar without starting the server ({@code inspect}); exposed so the application's
 * entry point can dispatch to them.
 */
@NamedInterface("cli")
package org.overturn.intake.cli;

import org.springframework.modulith.NamedInterface;

package org.overturn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU a piece of work used: the calling thread's, and that of every PostgreSQL process on this machine (the
 * embedded server's backends and its background writers). Unlike the seconds on the clock, it does not grow when
 * other tenants of the host take the cores, so runs on a loaded machine can still be compared.
 */
record CpuUsed(double javaSeconds, double postgresSeconds) {

    /** Linux counts process CPU in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    static CpuUsed now() {
        return new CpuUsed(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9,
                postgresTicks() / TICKS_PER_SECOND);
    }

    CpuUsed since(CpuUsed start) {
        return new CpuUsed(javaSeconds - start.javaSeconds, postgresSeconds - start.postgresSeconds);
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuUsed::ticksIfPostgres).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of /proc/[pid]/stat; the command name is in parentheses and may hold spaces. */
    private static long ticksIfPostgres(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (!stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            // fields after the name start at field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

package org.overturn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processor time a run took, the JVM's and its PostgreSQL's: unlike its seconds, this hardly depends on what
 * else the host runs, so two versions of the code compare even when they ran at different loads. The database's is
 * read from Linux's {@code /proc}: the postmaster's own time, the time of its backends that have exited, and that of
 * those still running (the pool's). Elsewhere it is {@code NaN}.
 */
record CpuTime(double jvmSeconds, double compilerSeconds, double postgresSeconds) {

    static CpuTime now(JdbcTemplate jdbc) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTime(os.getProcessCpuTime() / 1e9, compilers(), postgres(jdbc));
    }

    /**
     * The JIT compiler threads' processor time, from {@code /proc/self/task} ({@code CompilationMXBean}'s total is
     * the time they took, waiting for a core included).
     */
    private static double compilers() {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : threads.toList()) {
                String line;
                try {
                    line = Files.readString(thread.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    CpuTime since(CpuTime start) {
        return new CpuTime(jvmSeconds - start.jvmSeconds, compilerSeconds - start.compilerSeconds,
                postgresSeconds - start.postgresSeconds);
    }

    private static double postgres(JdbcTemplate jdbc) {
        Integer backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        try {
            String[] own = stat(Path.of("/proc", String.valueOf(backend), "stat"));
            String[] master = own == null ? null : stat(Path.of("/proc", own[1], "stat"));
            if (master == null) {
                return Double.NaN;
            }
            String postmaster = own[1];
            // utime, stime, cutime, cstime: fields 14 to 17 of stat, here 11 to 14 after the command's ")"
            double ticks = Long.parseLong(master[11]) + Long.parseLong(master[12]) + Long.parseLong(master[13])
                    + Long.parseLong(master[14]);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] child = stat(process.resolve("stat"));
                    if (child != null && postmaster.equals(child[1])) {
                        ticks += Long.parseLong(child[11]) + Long.parseLong(child[12]);
                    }
                }
            }
            return ticks / 100.0; // USER_HZ, 100 on every Linux the JDK runs on
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The fields of a {@code /proc/<pid>/stat} after the command name: state, ppid, ...; null if it is gone. */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}

package dev.arbiter.loadtests.decisionlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process and its children, from Linux's /proc: user and system time of the
 * process, of its live children, and of its children that have exited (which the process's own
 * stat accounts), in clock ticks.
 */
final class ProcessCpu {

    /** Clock ticks per second: 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    static long ticks(long pid) throws IOException {
        long total = ownAndReaped(pid);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && parentOrMinusOne(Long.parseLong(name)) == pid) {
                    total += ownAndReaped(Long.parseLong(name));
                }
            }
        }
        return total;
    }

    static double micros(long ticks) {
        return ticks / TICKS_PER_SECOND * 1e6;
    }

    static long parent(long pid) throws IOException {
        return Long.parseLong(fields(pid)[1]);
    }

    private static long parentOrMinusOne(long pid) {
        try {
            return parent(pid);
        } catch (IOException | RuntimeException e) {
            return -1; // the process ended meanwhile
        }
    }

    /** utime, stime, cutime and cstime: fields 14 to 17 of /proc/pid/stat. */
    private static long ownAndReaped(long pid) {
        try {
            String[] fields = fields(pid);
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The fields after the command name, which may itself hold spaces: state is [0], ppid [1]. */
    private static String[] fields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}

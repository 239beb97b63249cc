package dev.recourse.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM and by an embedded PostgreSQL server (its postmaster, its live backends, and the
 * backends that ended), read from Linux's {@code /proc}: on a shared machine the CPU a run costs says more than the
 * time it takes. Empty where {@code /proc} does not tell. The load generator ({@code recourse-bench}) reads it too.
 *
 * @param jvm this process's CPU time
 * @param compiler the part of {@code jvm} that the JIT compiler's threads now running spent: while the JVM still
 *     compiles the hot code, a run's CPU says little about the code's own cost. A compiler thread that ended (the JVM
 *     starts and stops them as the queue of work grows and shrinks) no longer counts, so this is a lower bound.
 * @param database the server's CPU time
 */
public record CpuTime(Duration jvm, Duration compiler, Duration database) {
    /** Clock ticks a second, as Linux reports times in {@code /proc/PID/stat} on every common platform. */
    private static final long TICKS = 100;

    /** The CPU time of this JVM and of the server whose cluster is {@code cluster}, if both can be read. */
    public static Optional<CpuTime> now(Path cluster) {
        try {
            Optional<Duration> jvm = ProcessHandle.current().info().totalCpuDuration();
            long postmaster = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).getFirst().strip());
            long ticks = ticks(postmaster, true);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && parent(Long.parseLong(name)) == postmaster) {
                        ticks += ticks(Long.parseLong(name), false);
                    }
                }
            }
            Duration database = Duration.ofMillis(ticks * 1000 / TICKS);
            Duration compiler = Duration.ofMillis(compilerTicks() * 1000 / TICKS);
            return jvm.map(j -> new CpuTime(j, compiler, database));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The time from {@code before} to this. */
    public CpuTime since(CpuTime before) {
        return new CpuTime(jvm.minus(before.jvm), compiler.minus(before.compiler), database.minus(before.database));
    }

    /** User and system ticks of this JVM's threads named as HotSpot names its compiler threads ("C1 CompilerThread0", ...). */
    private static long compilerTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String text = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (NoSuchFileException e) {
                    // The thread ended since the listing: its time is no longer anywhere to read.
                }
            }
        }
        return ticks;
    }

    /** The fields of {@code /proc/PID/stat} after the command name; empty if the process is gone. */
    private static List<String> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return List.of(text.substring(text.lastIndexOf(')') + 2).split(" "));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long parent(long pid) {
        List<String> fields = stat(pid);
        return fields.isEmpty() ? -1 : Long.parseLong(fields.get(1));
    }

    /** User and system ticks of {@code pid}, and of its ended children if {@code children}. */
    private static long ticks(long pid, boolean children) {
        List<String> fields = stat(pid);
        if (fields.isEmpty()) {
            return 0;
        }
        long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        return children ? ticks + Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14)) : ticks;
    }
}

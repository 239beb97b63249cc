package dev.recourse.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the benchmark process's CPU time per operation, all its threads counted (the JIT
 * compiler's and the garbage collector's too): on a machine shared with other work the time per operation measures
 * the sharing as much as the code, the CPU time much less so.
 *
 * <p>Use: {@code java -jar recourse-bench/target/benchmarks.jar SealBenchmark -prof dev.recourse.bench.CpuPerOperation};
 * its result is the line {@code ·cpu}, in nanoseconds per operation.
 */
public final class CpuPerOperation implements InternalProfiler {
    private final OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "CPU time of the whole benchmark process per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        before = system.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long cpu = system.getProcessCpuTime() - before;
        long operations = result.getMetadata().getAllOps();
        return List.of(new ScalarResult("cpu", operations == 0 ? Double.NaN : (double) cpu / operations, "ns/op", AggregationPolicy.AVG));
    }
}

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A wall-clock sampler for the benchmark build, to see where the time goes (JFR's execution samples
 * miss time spent loading classes, in the VM and in native I/O). Runs the main class in this JVM and
 * samples every thread's stack every {@code PERIOD_MS}, whatever it is doing; threads that wait
 * (parked, idle pool workers) are left out.
 *
 * <pre>
 * javac -d target/bench/profiler bench/WallProfile.java
 * java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -cp target/bench/profiler:&lt;classpath&gt; WallProfile \
 *     be.socialeinnovatiefabriek.radicale.site.build.BuildCommand &lt;dir&gt; nl &lt;dir&gt;/out
 * </pre>
 * Prints, per thread group, the samples by the first project frame (be.socialeinnovatiefabriek...),
 * by the top frame, and inclusive counts of the project's methods.
 */
public final class WallProfile {

    private static final long PERIOD_MS = 5;
    private static final String PROJECT = "be.socialeinnovatiefabriek.";

    public static void main(String[] args) throws Exception {
        String mainClass = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        Thread main = Thread.currentThread();
        Map<String, Integer> byProjectFrame = new HashMap<>();
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int[] ticks = {0};
        Thread sampler = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                ticks[0]++;
                for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
                    Thread thread = entry.getKey();
                    StackTraceElement[] stack = entry.getValue();
                    if (thread == Thread.currentThread() || stack.length == 0 || thread.isDaemon() && !thread.getName().startsWith("ForkJoinPool")) {
                        continue;
                    }
                    String top = stack[0].getClassName() + "." + stack[0].getMethodName();
                    if (top.startsWith("jdk.internal.misc.Unsafe.park") || top.equals("java.lang.Object.wait")
                            || top.equals("java.lang.Thread.sleep")) {
                        continue;
                    }
                    String group = thread == main ? "main" : thread.getName().replaceAll("-\\d+$", "-*");
                    byThread.merge(group, 1, Integer::sum);
                    byTopFrame.merge(group + " | " + top + (stack[0].isNativeMethod() ? " (native)" : ""), 1, Integer::sum);
                    String project = "(no project frame)";
                    Set<String> seen = new HashSet<>();
                    for (StackTraceElement frame : stack) {
                        String name = frame.getClassName() + "." + frame.getMethodName();
                        if (name.startsWith(PROJECT)) {
                            if (project.startsWith("(")) {
                                project = name.substring(PROJECT.length());
                            }
                            if (seen.add(name)) {
                                inclusive.merge(group + " | " + name.substring(PROJECT.length()), 1, Integer::sum);
                            }
                        }
                    }
                    byProjectFrame.merge(group + " | " + project, 1, Integer::sum);
                }
            }
        }, "wall-profile");
        sampler.setDaemon(true);
        Method entry = Class.forName(mainClass).getMethod("main", String[].class);
        long start = System.nanoTime();
        sampler.start();
        entry.invoke(null, (Object) rest);
        sampler.interrupt();
        sampler.join();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%n== wall profile: %d ms, %d ticks of %d ms (a sample is one running thread at one tick)%n", millis, ticks[0], PERIOD_MS);
        print("samples per thread", byThread, 10);
        print("by first project frame", byProjectFrame, 30);
        print("project methods, inclusive", inclusive, 40);
        print("by top frame", byTopFrame, 40);
    }

    private static void print(String title, Map<String, Integer> counts, int limit) {
        System.out.println("-- " + title);
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        sorted.stream().limit(limit).forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
    }
}

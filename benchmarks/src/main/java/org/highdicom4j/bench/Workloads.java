package org.highdicom4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one end-to-end workload: one warm-up and N timed repetitions in this JVM, printing one JSON
 * line per timed phase: {@code {"workload": ..., "phase": ..., "median_s": ..., "min_s": ..., "n":
 * ...}}.
 *
 * <p>Usage: {@code java -jar hd4j-bench.jar WORKLOAD [options] [--repeat N]}. Workloads: {@code
 * generate-ct --out DIR} (writes the 200-slice synthetic CT of the peer's timings), {@code
 * series-read --source DIR [--threads N]}, {@code sr-build --source DIR [--groups N] [--out FILE]},
 * {@code sr-read --sr FILE}.
 */
public final class Workloads {
  private Workloads() {}

  /**
   * Entry point.
   *
   * @param args workload name and options
   * @throws Exception when the workload fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: WORKLOAD [options] [--repeat N]; workloads: generate-ct, series-read,"
              + " seg-create, seg-read, decode, sr-build, sr-read");
      System.exit(2);
    }
    Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
    int repeat = Integer.parseInt(opts.getOrDefault("repeat", "5"));
    switch (args[0]) {
      case "generate-ct":
        SeriesReadWorkload.generate(Path.of(required(opts, "out")));
        break;
      case "series-read":
        new SeriesReadWorkload(
                Path.of(required(opts, "source")),
                Integer.parseInt(opts.getOrDefault("threads", "1")))
            .run(repeat);
        break;
      case "seg-create":
        new SegCreateWorkload(
                Path.of(required(opts, "source")),
                Integer.parseInt(opts.getOrDefault("segments", "50")),
                opts.getOrDefault("type", "BINARY"),
                opts.get("ts"),
                opts.containsKey("out") ? Path.of(opts.get("out")) : null)
            .run(repeat);
        break;
      case "seg-read":
        new SegReadWorkload(Path.of(required(opts, "seg"))).run(repeat);
        break;
      case "decode":
        new DecodeWorkload(
                opts.containsKey("file") ? Path.of(opts.get("file")) : null,
                opts.containsKey("source") ? Path.of(opts.get("source")) : null,
                opts.get("ts"),
                Integer.parseInt(opts.getOrDefault("threads", "1")))
            .run(repeat);
        break;
      case "sr-build":
        SrWorkload.runBuild(
            Path.of(required(opts, "source")),
            Integer.parseInt(opts.getOrDefault("groups", "100")),
            opts.containsKey("out") ? Path.of(opts.get("out")) : null,
            repeat);
        break;
      case "sr-read":
        SrWorkload.runRead(Path.of(required(opts, "sr")), repeat);
        break;
      default:
        System.err.println("unknown workload: " + args[0]);
        System.exit(2);
    }
  }

  static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + args[i]);
      }
      String key = args[i].substring(2);
      String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
      out.put(key, value);
    }
    return out;
  }

  /** A timed phase: collects durations and prints the JSON line. */
  static final class Phase {
    private final String workload;
    private final String name;
    private final List<Double> seconds = new ArrayList<>();

    Phase(String workload, String name) {
      this.workload = workload;
      this.name = name;
    }

    void add(long nanos) {
      seconds.add(nanos / 1e9);
    }

    double median() {
      double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    String json() {
      double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median =
          s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      return String.format(
          Locale.ROOT,
          "{\"workload\": \"%s\", \"phase\": \"%s\", \"median_s\": %.4f, \"min_s\": %.4f,"
              + " \"n\": %d}",
          workload,
          name,
          median,
          s[0],
          s.length);
    }
  }
}

/**
 * Runs `go test -json` in the interop module and turns its event stream into one result per Go
 * test: status, time, the scenario's `step …` lines, its `gas …` lines and the full output (for
 * failures). Build failures (no test ran) come back as `buildOutput`.
 */
import { spawn } from "node:child_process";
import { GO_MODULE_DIR, goBinary } from "./goToolchain";

export type GoTestStatus = "pass" | "fail" | "skip";

export interface GoTestResult {
  name: string;
  status: GoTestStatus;
  seconds: number;
  steps: string[];
  gas: GasLine[];
  output: string[];
}

/** One go-perun transaction: `gas <who> <method> <gas> <ok|REVERTED> (block n)`. */
export interface GasLine {
  who: string;
  method: string;
  gas: number;
  reverted: boolean;
}

export interface GoTestRun {
  results: GoTestResult[];
  /** Output not attributed to a test (build errors, package summary). */
  buildOutput: string[];
  /** go test's exit status. */
  status: number | null;
  seconds: number;
}

interface TestEvent {
  Action: string;
  Test?: string;
  Elapsed?: number;
  Output?: string;
}

const STEP = /^\s*\S+\.go:\d+: step (.*)$/;
const GAS = /^\s*\S+\.go:\d+: gas (\S+) (\S+) (\d+) (ok|REVERTED)/;

/** Runs the tests with `env` added; `onResult` is called as each test finishes. */
export function runGoTestJson(
  env: Record<string, string>,
  onResult: (r: GoTestResult) => void = () => undefined,
  timeoutMs = 1_200_000,
): Promise<GoTestRun> {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(goBinary(), ["test", "-json", "-count=1", "-timeout", "15m", "./..."], {
      cwd: GO_MODULE_DIR,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const byName = new Map<string, GoTestResult>();
    const results: GoTestResult[] = [];
    const buildOutput: string[] = [];
    let pending = "";
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);

    const onLine = (line: string): void => {
      if (line.trim() === "") return;
      let ev: TestEvent;
      try {
        ev = JSON.parse(line) as TestEvent;
      } catch {
        buildOutput.push(line);
        return;
      }
      if (!ev.Test) {
        if (ev.Output !== undefined) buildOutput.push(ev.Output.replace(/\n$/, ""));
        return;
      }
      let r = byName.get(ev.Test);
      if (!r) {
        r = { name: ev.Test, status: "fail", seconds: 0, steps: [], gas: [], output: [] };
        byName.set(ev.Test, r);
      }
      if (ev.Action === "output" && ev.Output !== undefined) {
        const text = ev.Output.replace(/\n$/, "");
        r.output.push(text);
        const s = STEP.exec(text);
        if (s) r.steps.push(s[1]);
        const g = GAS.exec(text);
        if (g) r.gas.push({ who: g[1], method: g[2], gas: Number(g[3]), reverted: g[4] === "REVERTED" });
      } else if (ev.Action === "pass" || ev.Action === "fail" || ev.Action === "skip") {
        r.status = ev.Action;
        r.seconds = ev.Elapsed ?? 0;
        results.push(r);
        onResult(r);
      }
    };
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(onLine);
    });
    child.stderr.on("data", (chunk: Buffer) => buildOutput.push(...chunk.toString().split("\n").filter(Boolean)));
    child.once("error", (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.once("close", (status) => {
      clearTimeout(timer);
      onLine(pending);
      ok({ results, buildOutput, status, seconds: (Date.now() - started) / 1000 });
    });
  });
}

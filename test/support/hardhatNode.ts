/**
 * A `hardhat node` child process on 127.0.0.1 (loopback only) for tests that need a real
 * JSON-RPC endpoint. The caller stops it with `stop()` (only this child, by its own handle).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
const HARDHAT = join(ROOT, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");

/** A running node. */
export interface HardhatNode {
  url: string;
  child: ChildProcess;
  stop(): void;
}

/**
 * Starts `hardhat node` on `port` and resolves once it listens. `globalArgs` go before the task
 * (e.g. `["--config", file]`).
 */
export function startHardhatNode(port: number, globalArgs: string[] = []): Promise<HardhatNode> {
  return new Promise((ok, fail) => {
    const args = [HARDHAT, ...globalArgs, "node", "--hostname", "127.0.0.1", "--port", String(port)];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      fail(new Error(`hardhat node did not start:\n${output}`));
    }, 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Started HTTP and WebSocket JSON-RPC server")) {
        clearTimeout(timer);
        ok({ url: `http://127.0.0.1:${port}`, child, stop: () => child.kill("SIGTERM") });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`hardhat node exited with ${code}:\n${output}`));
    });
  });
}

/** `DemoLog` implementations: plain text to the console, or into an array (tests, quiet runs). */
import type { DemoLog } from "./types";

/** Writes indented plain-text lines through `write` (default: console.log). */
export function textDemoLog(write: (line: string) => void = (l) => console.log(l)): DemoLog {
  return {
    heading: (t) => write(`\n=== ${t} ===`),
    section: (t) => write(`\n--- ${t} ---`),
    step: (t) => write(`  ${t}`),
    detail: (t) => write(`      ${t}`),
    check: (t) => write(`    ✓ ${t}`),
  };
}

/** A log that keeps its lines in `lines` and prints nothing. */
export function memoryDemoLog(): DemoLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...textDemoLog((l) => lines.push(l)) };
}

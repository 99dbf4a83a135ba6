import { expect } from "chai";
import type { Verdict } from "./world";

/** Every channel group accepted (and the channel type script did run). */
export function expectAccepted(v: Verdict): void {
  const bad = v.groups.find((g) => g.code !== 0);
  expect(bad, bad ? `${bad.script} exited ${bad.code}\n${bad.stdout.slice(-800)}` : "").to.equal(undefined);
  expect(v.groups.some((g) => g.script === "channel-type"), "channel type script ran").to.equal(true);
}

/** `script` refused the transaction with exactly `code`. */
export function expectRejected(v: Verdict, code: number, script: "channel-type" | "channel-lock" = "channel-type"): void {
  const g = v.groups.find((x) => x.script === script);
  expect(g, `${script} ran`).to.not.equal(undefined);
  expect(g!.code, `${script} exit code\n${g!.stdout.slice(-800)}`).to.equal(code);
}

/**
 * Checker: the demo's assertions pass only on the exact expectation, and `rejects` recognises a
 * contract's custom error wherever ethers or Hardhat put the revert data.
 */
import { expect } from "chai";
import { Interface } from "ethers";
import { Checker } from "../../scripts/demo/checker";
import { memoryDemoLog } from "../../scripts/demo/demoLog";
import { DemoCheckError } from "../../scripts/lib/scriptErrors";
import { rejection } from "./support/rejection";

const ABI = new Interface([
  "error DisputeStaleVersion(bytes32 channelID, uint64 registered, uint64 given)",
  "error Other()",
]);
const STALE = ABI.encodeErrorResult("DisputeStaleVersion", [`0x${"00".repeat(32)}`, 3, 1]);

describe("scripts: demo Checker", () => {
  it("equal passes, logs and counts only on equality", () => {
    const log = memoryDemoLog();
    const check = new Checker(log);
    check.equal("balance", 5n, 5n, "5 ETH");
    expect(log.lines).to.deep.equal(["    ✓ balance: 5 ETH"]);
    expect(() => check.equal("balance", 5n, 4n)).to.throw(DemoCheckError, "check failed: balance: expected 5, got 4");
    expect(check.count).to.equal(1);
  });

  it("that fails with its description", () => {
    expect(() => new Checker(memoryDemoLog()).that("holder empty", false, "0", "7")).to.throw(
      DemoCheckError,
      "holder empty: expected 0, got 7",
    );
  });

  const shapes: [string, unknown][] = [
    ["ethers' decoded revert", { revert: { name: "DisputeStaleVersion" } }],
    ["Hardhat in-process (data)", Object.assign(new Error("reverted"), { data: STALE })],
    ["Hardhat over HTTP (data.data)", Object.assign(new Error("reverted"), { data: { message: "x", data: STALE } })],
    ["wrapped (error.data)", { error: { data: STALE } }],
  ];
  for (const [name, error] of shapes) {
    it(`rejects recognises ${name}`, async () => {
      const check = new Checker(memoryDemoLog());
      await check.rejects("re-register", ABI, "DisputeStaleVersion", () => Promise.reject(error));
      expect(check.count).to.equal(1);
    });
  }

  it("rejects fails when the call succeeds", async () => {
    const e = await rejection(new Checker(memoryDemoLog()).rejects("x", ABI, "Other", async () => 1));
    expect(e).to.be.instanceOf(DemoCheckError);
    expect(e.message).to.equal("check failed: x: expected rejection with Other, got no error (the call succeeded)");
  });

  it("rejects fails on a different error", async () => {
    const e = await rejection(
      new Checker(memoryDemoLog()).rejects("x", ABI, "Other", () => Promise.reject({ data: STALE })),
    );
    expect(e.message).to.equal("check failed: x: expected rejection with Other, got DisputeStaleVersion");
  });
});

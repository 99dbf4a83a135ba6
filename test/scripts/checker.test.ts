/**
 * Checker: the demo's assertions pass only on the exact expectation, and `rejectsWith` only on
 * the named custom error as the EVM client decodes it.
 */
import { expect } from "chai";
import { Interface } from "ethers";
import { Checker } from "../../scripts/demo/checker";
import { memoryDemoLog } from "../../scripts/demo/demoLog";
import { DemoCheckError } from "../../scripts/lib/scriptErrors";
import { rejection } from "./support/rejection";
import { toEvmError } from "../../src/evm/toEvmError";

const ABI = new Interface(["error DisputeStaleVersion(bytes32 channelID, uint64 registered, uint64 given)"]);
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

  it("rejectsWith passes on the client's decoded custom error", async () => {
    const check = new Checker(memoryDemoLog());
    await check.rejectsWith("re-register", "DisputeStaleVersion", () =>
      Promise.reject(toEvmError("Adjudicator.register", { data: STALE })),
    );
    expect(check.count).to.equal(1);
  });

  it("rejectsWith fails when the call succeeds", async () => {
    const e = await rejection(new Checker(memoryDemoLog()).rejectsWith("x", "Other", async () => 1));
    expect(e).to.be.instanceOf(DemoCheckError);
    expect(e.message).to.equal("check failed: x: expected rejection with Other, got no error (the call succeeded)");
  });

  it("rejectsWith fails on a different custom error, or an error that is not a revert", async () => {
    const other = await rejection(
      new Checker(memoryDemoLog()).rejectsWith("x", "DisputeTimeoutNotPassed", () =>
        Promise.reject(toEvmError("Adjudicator.register", { data: STALE })),
      ),
    );
    expect(other.message).to.equal(
      "check failed: x: expected rejection with DisputeTimeoutNotPassed, got DisputeStaleVersion",
    );
    const plain = await rejection(
      new Checker(memoryDemoLog()).rejectsWith("x", "DisputeStaleVersion", () => Promise.reject(new Error("down"))),
    );
    expect(plain.message).to.equal(
      "check failed: x: expected rejection with DisputeStaleVersion, got another error: down",
    );
  });
});

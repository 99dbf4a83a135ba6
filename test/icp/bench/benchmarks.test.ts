import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { measureCanister, type CanisterBenchmarks, type Row } from "./measureCanister";
import {
  ICP_CANISTER_MAX_ASSETS,
  ICP_CANISTER_MAX_PARTICIPANTS,
  ICP_INSTRUCTION_BUDGET,
} from "../../../src/encoding/icp/icpCanisterLimits";

/**
 * The committed canister cost snapshot (canisters/adjudicator/benchmarks.json) must match a
 * fresh measurement. Counts are deterministic for a given wasm; the tolerance only absorbs the
 * build embedding the checkout's absolute path (a few bytes of the wasm). A real change in
 * cost fails here: run `npm run bench:icp` and commit the new numbers.
 */
const TOLERANCE = 0.002;
const FILE = join(__dirname, "..", "..", "..", "canisters", "adjudicator", "benchmarks.json");

function near(actual: number, expected: number, what: string): void {
  const slack = Math.max(1000, Math.ceil(expected * TOLERANCE));
  expect(
    Math.abs(actual - expected),
    `${what}: measured ${actual}, committed ${expected} (run npm run bench:icp)`,
  ).to.be.at.most(slack);
}

describe("ICP canister: instruction benchmark snapshot (canisters/adjudicator/benchmarks.json)", function () {
  this.timeout(300_000);
  let fresh: CanisterBenchmarks;
  const committed = JSON.parse(readFileSync(FILE, "utf8")) as CanisterBenchmarks;

  before(async () => {
    fresh = await measureCanister();
  });

  it("has not drifted: the same methods, and each within tolerance", () => {
    expect(Object.keys(fresh.methods)).to.deep.equal(Object.keys(committed.methods));
    for (const [n, rows] of Object.entries(committed.methods)) {
      expect(Object.keys(fresh.methods[n])).to.deep.equal(Object.keys(rows));
      for (const [name, r] of Object.entries(rows)) {
        near(fresh.methods[n][name].instructions, r.instructions, `${n} participants ${name}`);
        near(fresh.methods[n][name].maxMessage, r.maxMessage, `${n} participants ${name} (largest message)`);
      }
    }
    for (const [name, r] of Object.entries(committed.breakdown))
      near(fresh.breakdown[name].instructions, r.instructions, name);
    near(fresh.wasm.rawBytes, committed.wasm.rawBytes, "wasm raw size");
    near(fresh.wasm.gzipBytes, committed.wasm.gzipBytes, "wasm gzip size");
  });

  it("at the participant and asset bounds every exit path fits half of the IC's 40 B per message, and one past the bound is refused before any recovery (finding 8)", () => {
    expect(fresh.atBound.participants).to.equal(ICP_CANISTER_MAX_PARTICIPANTS);
    expect(fresh.atBound.assets).to.equal(ICP_CANISTER_MAX_ASSETS);
    for (const [name, r] of Object.entries(fresh.atBound.rows)) {
      expect(r.maxMessage, name).to.be.at.most(ICP_INSTRUCTION_BUDGET);
      near(r.instructions, committed.atBound.rows[name].instructions, `at the bound: ${name}`);
    }
    // One recovery costs ≈ 200 M: the refusal past the bound must cost less than one.
    expect(
      fresh.atBound.rows["dispute refused one participant past the bound (TooManyParticipants)"].maxMessage,
    ).to.be.below(300_000_000);
  });

  it("keeps every 2-participant update under 1 billion instructions per message (the IC allows 40 billion)", () => {
    for (const [name, r] of Object.entries(fresh.methods["2"]) as Array<[string, Row]>) {
      expect(r.maxMessage, name).to.be.below(1_000_000_000);
    }
  });
});

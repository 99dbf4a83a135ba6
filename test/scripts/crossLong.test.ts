import { expect } from "chai";
import { CrossLongUsageError, parseCrossLongArgs } from "../../scripts/lib/crossLong/options";
import { SHARD_SEED_STRIDE, planShards, shardSeed } from "../../scripts/lib/crossLong/shards";
import { aggregate, counterexamples, parseTotals, type ShardResult } from "../../scripts/lib/crossLong/summary";

const DEFAULTS = { seed: 0x5eed, shards: 4, files: ["test/cross-chain/a.prop.test.ts"] };

/** `npm run test:cross-long` (scripts/test-cross-long.ts): arguments, shard plan and totals, without running a shard. */
describe("scripts: test:cross-long (sharded long property runs)", () => {
  describe("parseCrossLongArgs", () => {
    const accepted: [string, string[], Partial<ReturnType<typeof parseCrossLongArgs>>][] = [
      [
        "runs only: defaults for the rest",
        ["--runs", "10000"],
        { runs: 10000, shards: 4, seed: 0x5eed, files: DEFAULTS.files },
      ],
      [
        "shards, seed, grep, logs",
        ["--runs", "8", "--shards", "2", "--seed", "-7", "--grep", "hash", "--logs", "/tmp/x"],
        {
          runs: 8,
          shards: 2,
          seed: -7,
          grep: "hash",
          logDir: "/tmp/x",
        },
      ],
      [
        "files replace the default",
        ["--runs", "1", "test/cross-chain/b.prop.test.ts"],
        { files: ["test/cross-chain/b.prop.test.ts"] },
      ],
      ["--help needs no runs", ["--help"], { help: true }],
    ];
    for (const [name, argv, want] of accepted) {
      it(`accepts ${name}`, () => {
        const got = parseCrossLongArgs(argv, DEFAULTS);
        for (const [k, v] of Object.entries(want)) expect(got[k as keyof typeof got], k).to.deep.equal(v);
      });
    }
    const refused: [string, string[], RegExp][] = [
      ["no --runs", ["--shards", "2"], /--runs N is required/],
      ["--runs 0", ["--runs", "0"], /--runs must be an integer ≥ 1, got "0"/],
      ["--runs 1.5", ["--runs", "1.5"], /--runs must be an integer/],
      ["--runs abc", ["--runs", "abc"], /--runs must be an integer/],
      ["--runs without a value", ["--runs"], /--runs needs a value/],
      ["--runs followed by a flag", ["--runs", "--shards", "2"], /--runs needs a value/],
      ["--shards 0", ["--runs", "5", "--shards", "0"], /--shards must be an integer ≥ 1/],
      ["--seed 2^53", ["--runs", "5", "--seed", "9007199254740993"], /--seed must be an integer/],
      ["an unknown option", ["--runs", "5", "--jobs", "3"], /unknown option --jobs/],
      ["--grep without a value", ["--runs", "5", "--grep"], /--grep needs a value/],
    ];
    for (const [name, argv, message] of refused) {
      it(`refuses ${name}`, () => {
        expect(() => parseCrossLongArgs(argv, DEFAULTS))
          .to.throw(CrossLongUsageError)
          .with.property("message")
          .that.matches(message);
      });
    }
  });

  describe("planShards and shardSeed", () => {
    it("splits the runs exactly, the first shards taking the remainder", () => {
      expect(planShards(10, 4, 100).map((s) => s.runs)).to.deep.equal([3, 3, 2, 2]);
      expect(planShards(10000, 7, 0).reduce((n, s) => n + s.runs, 0)).to.equal(10000);
      expect(planShards(8, 2, 0).map((s) => s.runs)).to.deep.equal([4, 4]);
    });

    it("leaves out shards that would get no run", () => {
      expect(planShards(2, 5, 0).map((s) => [s.index, s.runs])).to.deep.equal([
        [0, 1],
        [1, 1],
      ]);
    });

    it("derives distinct seeds 1000 apart; shard 0 keeps the base seed (it replays the plain run)", () => {
      const plan = planShards(64, 64, 0x5eed);
      expect(plan[0].seed).to.equal(0x5eed);
      expect(plan[5].seed).to.equal(0x5eed + 5 * SHARD_SEED_STRIDE);
      // Property k of a file uses PROP_SEED + k (k < 10): no (property, seed) pair repeats.
      const pairs = new Set(plan.flatMap((s) => Array.from({ length: 10 }, (_, k) => `${k}/${s.seed + k}`)));
      expect(pairs.size).to.equal(64 * 10);
      expect(new Set(plan.flatMap((s) => Array.from({ length: 10 }, (_, k) => s.seed + k))).size).to.equal(640);
    });

    it("refuses seeds that leave the 32-bit range fast-check takes", () => {
      expect(shardSeed(2 ** 31 - 1001, 1)).to.equal(2 ** 31 - 1);
      expect(() => shardSeed(2 ** 31 - 1000, 1)).to.throw(CrossLongUsageError, /32-bit/);
      expect(() => planShards(0, 1, 0)).to.throw(CrossLongUsageError);
      expect(() => planShards(1, 0, 0)).to.throw(CrossLongUsageError);
    });
  });

  describe("aggregate", () => {
    const shard = (index: number, runs = 5) => ({ index, runs, seed: 0x5eed + 1000 * index });
    const result = (index: number, output: string, status: number | null = 0): ShardResult => ({
      shard: shard(index),
      status,
      output,
      ms: 1500,
    });
    const replay = (r: ShardResult) => `PROP_SEED=${r.shard.seed}`;

    it("reads the reporter's last totals line", () => {
      expect(parseTotals("x\n3 passed, 1 failed, 0 skipped\n")).to.deep.equal({ passed: 3, failed: 1, skipped: 0 });
      expect(parseTotals("1 passed, 0 failed, 0 skipped\nmore\n2 passed, 0 failed, 1 skipped\n")).to.deep.equal({
        passed: 2,
        failed: 0,
        skipped: 1,
      });
      expect(parseTotals("  7 passing (3s)\n")).to.equal(null);
    });

    it("sums shards and passes when every shard passed", () => {
      const agg = aggregate(
        [result(0, "5 passed, 0 failed, 0 skipped\n"), result(1, "5 passed, 0 failed, 0 skipped\n")],
        replay,
      );
      expect([agg.passed, agg.failed, agg.failedShards]).to.deep.equal([10, 0, []]);
      expect(agg.lines[1]).to.equal("shard 1: seed 25301, 5 runs: 5 passed, 0 failed in 1.5 s");
    });

    it("names a failing shard with its replay command and fast-check's counterexample", () => {
      const out =
        'Property failed after 2 tests\n{ seed: 25302, path: "1:0:3", endOnFailure: true }\n4 passed, 1 failed, 0 skipped\n';
      expect(counterexamples(out)).to.deep.equal([{ seed: 25302, path: "1:0:3" }]);
      const agg = aggregate([result(0, "5 passed, 0 failed, 0 skipped\n"), result(1, out, 1)], replay);
      expect([agg.passed, agg.failed, agg.failedShards]).to.deep.equal([9, 1, [1]]);
      expect(agg.lines).to.include("  replay: PROP_SEED=25301");
      expect(agg.lines.some((l) => l.includes("PROP_SEED=25302 PROP_PATH=1:0:3"))).to.equal(true);
    });

    it("counts a crashed shard (no totals line, or a non-zero exit with 0 failed) as failed", () => {
      const crashed = aggregate([result(0, "Segmentation fault\n", null)], replay);
      expect([crashed.failed, crashed.failedShards]).to.deep.equal([1, [0]]);
      expect(crashed.lines[0]).to.match(/no totals line \(exit null\)/);
      const badExit = aggregate([result(2, "5 passed, 0 failed, 0 skipped\n", 1)], replay);
      expect([badExit.passed, badExit.failed, badExit.failedShards]).to.deep.equal([5, 1, [2]]);
    });

    it("counts a shard that ran no test (a --grep matching nothing) as failed", () => {
      const none = aggregate([result(0, "0 passed, 0 failed, 0 skipped\n")], replay);
      expect([none.failed, none.failedShards]).to.deep.equal([1, [0]]);
      expect(none.lines[0]).to.match(/ran no test/);
    });
  });
});

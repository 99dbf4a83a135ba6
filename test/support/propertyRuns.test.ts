/**
 * The property-test knobs: titles show runs and seed; PROP_SEED/PROP_PATH replay a reported
 * failure (the replay hits the same counterexample in its first run); `npm run test:props`
 * selects exactly the *.prop.test.ts suites.
 */
import { expect } from "chai";
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { propParams, propTitle } from "./propertyRuns";

const ROOT = join(__dirname, "..", "..");

function withEnv<T>(env: Record<string, string | undefined>, f: () => T): T {
  const saved: Record<string, string | undefined> = {};
  for (const k of Object.keys(env)) {
    saved[k] = process.env[k];
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    return f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("property tests: runs, seeds, replay", () => {
  it("titles name runs and seed (and the replayed path)", () => {
    const p = withEnv({ PROP_SEED: "42", PROP_PATH: undefined }, () => propParams(300, 2));
    expect(propTitle("x", p)).to.equal("x [300 runs, seed 44]");
    const r = withEnv({ PROP_SEED: "44", PROP_PATH: "3:1" }, () => propParams(300, 2));
    expect(propTitle("x", r)).to.equal("x [300 runs, seed 44, replaying path 3:1]");
  });

  it("the default seed is 0x5eed; malformed PROP_SEED / PROP_PATH are refused", () => {
    expect(withEnv({ PROP_SEED: undefined, PROP_PATH: undefined }, () => propParams(1).seed)).to.equal(0x5eed);
    expect(() => withEnv({ PROP_SEED: "abc" }, () => propParams(1))).to.throw(RangeError, /PROP_SEED/);
    expect(() => withEnv({ PROP_PATH: "1;2" }, () => propParams(1))).to.throw(RangeError, /PROP_PATH/);
  });

  it("PROP_SEED + PROP_PATH from a failure report replay the same counterexample first", () => {
    const prop = fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.string(), (n, s) => n < 5_000 || s.length > 3);
    const first = withEnv({ PROP_SEED: "7", PROP_PATH: undefined }, () => fc.check(prop, propParams(1000, 3)));
    expect(first.failed, "the sample property must fail").to.equal(true);
    const reported = { seed: first.seed, path: first.counterexamplePath! };
    const replay = withEnv({ PROP_SEED: String(reported.seed), PROP_PATH: reported.path }, () =>
      fc.check(prop, propParams(1000, 3)),
    );
    expect(replay.failed).to.equal(true);
    expect(replay.numRuns).to.equal(1);
    expect(replay.counterexample).to.deep.equal(first.counterexample);
  });

  it("every fc.assert of a *.prop.test.ts suite sits in a test titled by propTitle", () => {
    const list = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? list(p) : n.endsWith(".prop.test.ts") ? [p] : [];
      });
    const suites = list(join(ROOT, "test"));
    expect(suites.length).to.be.greaterThan(5);
    for (const file of suites) {
      const text = readFileSync(file, "utf8");
      const asserts = (text.match(/fc\.assert\(/g) ?? []).length;
      const titled = (text.match(/it\(\s*propTitle\(/g) ?? []).length;
      expect(titled, relative(ROOT, file)).to.equal(asserts);
    }
  });
});

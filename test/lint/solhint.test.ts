/**
 * The Solidity sources pass solhint with the committed `.solhint.json` and no warning at all
 * (same check as `npm run lint:sol`), so a style or security lint regression fails `npm test`.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

describe("lint: solhint", () => {
  it("reports zero errors and zero warnings on contracts/", function () {
    this.timeout(120_000);
    const bin = join(root, "node_modules", ".bin", "solhint");
    const run = spawnSync(bin, ["--max-warnings", "0", "--formatter", "unix", "contracts/**/*.sol"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.error, "could not start solhint").to.equal(undefined);
    const problems = run.stdout.split("\n").filter((line) => /:\d+:\d+:/.test(line));
    expect(problems, run.stdout + run.stderr).to.deep.equal([]);
    expect(run.status, run.stdout + run.stderr).to.equal(0);
  });
});

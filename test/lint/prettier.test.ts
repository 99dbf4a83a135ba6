/**
 * Every TypeScript and JavaScript file is formatted as Prettier (`.prettierrc.json`) would
 * format it (same check as `npm run lint:format`; `npm run format` fixes it).
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

describe("lint: Prettier", () => {
  it("finds no file to reformat", function () {
    this.timeout(300_000);
    const bin = join(root, "node_modules", "prettier", "bin", "prettier.cjs");
    const run = spawnSync(process.execPath, [bin, "--list-different", "**/*.{ts,mts,cts,js,mjs,cjs}"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.error, "could not start prettier").to.equal(undefined);
    expect(run.stdout.split("\n").filter(Boolean), "run `npm run format`").to.deep.equal([]);
    expect(run.status, run.stderr).to.equal(0);
  });
});

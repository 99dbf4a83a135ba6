/**
 * Issue 17 (Build): a CHANGELOG with a semver policy that covers the signing policy, an entry for
 * the package's version, keywords in package.json, and packed tarballs ignored by git.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");

describe("package: CHANGELOG, semver policy and package metadata", () => {
  const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; keywords?: string[] };

  it("has a versioning policy that says how signing-policy changes are versioned", () => {
    expect(changelog).to.match(/^## Versioning policy$/m);
    expect(changelog).to.match(/\*\*stricter signing policy\*\*/);
    expect(changelog).to.match(/\*\*looser signing policy\*\*/);
  });

  it("has an entry for the package's version and an Unreleased section", () => {
    expect(changelog).to.match(new RegExp(`^## ${pkg.version.replace(/\./g, "\\.")}$`, "m"));
    expect(changelog).to.match(/^## Unreleased$/m);
  });

  it("package.json has keywords; packed tarballs are git-ignored", () => {
    expect(pkg.keywords).to.include.members(["perun", "state-channels"]);
    const r = spawnSync("git", ["check-ignore", "-q", "perun-adjudicators-0.1.0.tgz"], { cwd: ROOT });
    expect(r.status, "*.tgz must be ignored").to.equal(0);
  });
});

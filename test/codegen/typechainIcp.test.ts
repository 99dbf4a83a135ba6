import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCanister, BUILT_DID_PATH, COMMITTED_DID_PATH } from "../../scripts/lib/icp/buildCanister";
import { BINDINGS_DIR, BINDINGS_FILE, freshBindings } from "../../scripts/lib/icp/generateBindings";

/** Generated ICP interface files are committed and must match their sources (STYLE rule 9). */
describe("codegen: ICP Candid interface and typechain/icp", function () {
  this.timeout(120_000);

  it("the committed .did is the one the build generates (run `npm run build:icp`)", () => {
    buildCanister();
    expect(readFileSync(COMMITTED_DID_PATH, "utf8")).to.equal(readFileSync(BUILT_DID_PATH, "utf8"));
  });

  it("typechain/icp is what @icp-sdk/bindgen makes of the committed .did (run `npm run codegen:icp`)", () => {
    expect(readFileSync(join(BINDINGS_DIR, BINDINGS_FILE), "utf8")).to.equal(freshBindings());
  });
});

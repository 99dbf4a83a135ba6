/**
 * Issue 17 #10: `HARDHAT_NETWORK=localhost npm start` without a node refuses with exit 2 and one
 * readable line before the story runs (no empty cost tables, no Hardhat stack trace). The
 * in-process network is never probed.
 */
import { expect } from "chai";
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { runDemoCli } from "../../scripts/demo/cli";
import type { DemoCliDeps } from "../../scripts/demo/cli";

function fakeHre(name: string, request: () => Promise<unknown>): HardhatRuntimeEnvironment {
  return { network: { name, config: { url: "http://127.0.0.1:8545" }, provider: { request } } } as never;
}

function deps(hre: HardhatRuntimeEnvironment) {
  const out: string[] = [];
  const err: string[] = [];
  let storyRan = 0;
  const d: DemoCliDeps = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    loadHre: async () => hre,
    story: async () => {
      storyRan++;
      throw new Error("the story must not run");
    },
    now: () => 0,
  };
  return { d, out, err, storyRan: () => storyRan };
}

describe("scripts: npm start on a network whose node does not answer (issue 17 #10)", () => {
  it("exits 2 with one 'refused' line naming the network and URL; the story does not run", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8545"), { code: "ECONNREFUSED" });
    const t = deps(fakeHre("localhost", () => Promise.reject(refused)));
    expect(await runDemoCli([], t.d)).to.equal(2);
    expect(t.storyRan()).to.equal(0);
    expect(t.out).to.deep.equal([]);
    expect(t.err).to.have.length(1);
    expect(t.err[0]).to.match(
      /^npm start: refused: cannot reach the RPC of network "localhost" at http:\/\/127\.0\.0\.1:8545: .*ECONNREFUSED.* \(is the node running\? check EVM_RPC_URL\)$/,
    );
  });

  it("the in-process hardhat network is not probed", async () => {
    let probed = 0;
    const t = deps(
      fakeHre("hardhat", async () => {
        probed++;
        return "0x7a69";
      }),
    );
    let e: unknown;
    try {
      await runDemoCli([], t.d);
    } catch (x) {
      e = x;
    }
    expect((e as Error).message).to.equal("the story must not run"); // reached the story
    expect(t.storyRan()).to.equal(1);
    expect(probed).to.equal(0);
  });
});

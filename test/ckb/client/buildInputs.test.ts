/**
 * Issue 17 #9: buildOpen refuses inputs that cannot name a real script or payout lock — a
 * participant ccAddress that is not a 32-byte lock hash, a code hash that is not 32 bytes, an
 * unknown hash type — with `CkbBuildError` before building anything; well-formed inputs build.
 */
import { expect } from "chai";
import type { Cell } from "@ckb-lumos/base";
import type { Hex, Params, State } from "../../../src";
import { BACKEND_CKB, PerunError, addressFromPrivateKey, channelId } from "../../../src";
import {
  CkbBuildError,
  CkbDeploymentRecordError,
  buildOpen,
  channelNonce,
  ckbDeploymentFromRecord,
} from "../../../src/ckb";
import type { CkbDeployment } from "../../../src/ckb";
import { scriptCellPlans } from "../../../scripts/lib/ckb/deployment";

const h32 = (b: string) => `0x${b.repeat(32)}`;
const script = (b: string) => ({
  codeHash: h32(b),
  hashType: "data1" as const,
  cellDep: { outPoint: { txHash: h32("ee"), index: "0x0" }, depType: "code" as const },
});
const DEPLOYMENT: CkbDeployment = {
  jsVm: { ...script("01"), hashType: "data2" },
  channelType: script("02"),
  channelLock: script("03"),
};
const LOCK = { codeHash: h32("09"), hashType: "type" as const, args: "0x" };
const COIN: Cell = {
  cellOutput: { capacity: "0x" + (10_000n * 100_000_000n).toString(16), lock: LOCK },
  data: "0x",
  outPoint: { txHash: h32("aa"), index: "0x0" },
};

function inputs(ccAddresses: string[]): { params: Params; initialState: State } {
  const params: Params = {
    challengeDuration: 60n,
    nonce: channelNonce(COIN.outPoint!),
    participants: ccAddresses.map((cc, i) => ({
      ethAddress: addressFromPrivateKey(h32(["11", "22"][i]) as Hex),
      ccAddress: cc as Hex,
    })),
    app: "0x0000000000000000000000000000000000000000",
    ledgerChannel: true,
    virtualChannel: false,
  };
  const initialState: State = {
    channelID: channelId(params),
    version: 0n,
    outcome: {
      assets: [{ chainID: BACKEND_CKB, ethHolder: `0x${"00".repeat(20)}`, ccHolder: "0x" }],
      backends: [BACKEND_CKB],
      balances: [[100n, 0n]],
      locked: [],
    },
    appData: "0x",
    isFinal: false,
  };
  return { params, initialState };
}

describe("CKB builders: input checks (issue 17 #9)", () => {
  const build = (deployment: CkbDeployment, cc: string[]) =>
    buildOpen({ deployment, ...inputs(cc), feePayer: { cells: [COIN], changeLock: LOCK } });

  it("well-formed inputs build (the checks refuse only what is wrong)", () => {
    const built = build(DEPLOYMENT, [h32("c1"), h32("c2")]);
    expect(built.channelCell.cellOutput.lock.codeHash).to.equal(h32("03"));
  });

  const cases: [string, () => unknown, RegExp][] = [
    [
      "a 2-byte ccAddress",
      () => build(DEPLOYMENT, [h32("c1"), "0x1234"]),
      /^params\.participants\[1\]\.ccAddress must be the 32-byte lock script hash of its CKB payout lock, got 2 bytes$/,
    ],
    [
      "an empty ccAddress",
      () => build(DEPLOYMENT, ["0x", h32("c2")]),
      /^params\.participants\[0\]\.ccAddress .* got 0 bytes$/,
    ],
    [
      "a 1-byte channel-lock code hash",
      () => build({ ...DEPLOYMENT, channelLock: { ...script("03"), codeHash: "0x03" } }, [h32("c1"), h32("c2")]),
      /^deployment\.channelLock\.codeHash must be 32 bytes of 0x-hex, got 0x03$/,
    ],
    [
      "a 1-byte channel-type code hash",
      () => build({ ...DEPLOYMENT, channelType: { ...script("02"), codeHash: "0x02" } }, [h32("c1"), h32("c2")]),
      /^deployment\.channelType\.codeHash must be 32 bytes/,
    ],
    [
      "an unknown hash type",
      () => build({ ...DEPLOYMENT, jsVm: { ...script("01"), hashType: "data9" as never } }, [h32("c1"), h32("c2")]),
      /^deployment\.jsVm\.hashType must be one of data, type, data1, data2, got data9$/,
    ],
    [
      "a cell dep without a 32-byte tx hash",
      () =>
        build(
          {
            ...DEPLOYMENT,
            channelLock: { ...script("03"), cellDep: { outPoint: { txHash: "0x", index: "0x0" }, depType: "code" } },
          },
          [h32("c1"), h32("c2")],
        ),
      /^deployment\.channelLock\.cellDep\.outPoint\.txHash must be 32 bytes/,
    ],
    [
      "a missing script",
      () =>
        build({ jsVm: DEPLOYMENT.jsVm, channelType: DEPLOYMENT.channelType } as CkbDeployment, [h32("c1"), h32("c2")]),
      /^deployment\.channelLock is missing$/,
    ],
  ];
  for (const [name, call, message] of cases) {
    it(`refuses ${name} with CkbBuildError`, () => {
      let e: unknown;
      try {
        call();
      } catch (x) {
        e = x;
      }
      expect(e).to.be.instanceOf(CkbBuildError);
      expect(e).to.be.instanceOf(PerunError);
      expect((e as Error).message).to.match(message);
    });
  }
});

describe("CKB deployment record loader (issue 17 #9)", () => {
  // Exactly what scripts/deploy-ckb.ts writes after sending (scripts from the real plans).
  const plans = scriptCellPlans(LOCK);
  const tx = h32("5e");
  const sent = {
    network: "devnet",
    scripts: Object.fromEntries(
      plans.map((p) => [
        p.name,
        { codeHash: p.codeHash, hashType: p.hashType, capacity: p.capacity.toString(), bytes: p.data.length },
      ]),
    ),
    txHash: tx,
    cellDeps: Object.fromEntries(
      plans.map((p, i) => [p.name, { outPoint: { txHash: tx, index: "0x" + i.toString(16) }, depType: "code" }]),
    ),
  };

  it("loads deploy:ckb's record (through JSON) into the CkbDeployment the builders take", () => {
    const d = ckbDeploymentFromRecord(JSON.parse(JSON.stringify(sent)), "devnet");
    expect(d.jsVm).to.deep.equal({
      codeHash: plans[0].codeHash,
      hashType: "data2",
      cellDep: { outPoint: { txHash: tx, index: "0x0" }, depType: "code" },
    });
    expect(d.channelType.codeHash).to.equal(plans[1].codeHash);
    expect(d.channelLock.cellDep.outPoint.index).to.equal("0x2");
    const built = buildOpen({
      deployment: d,
      ...inputs([h32("c1"), h32("c2")]),
      feePayer: { cells: [COIN], changeLock: LOCK },
    });
    expect(built.typeScript.codeHash).to.equal(plans[0].codeHash);
  });

  const refusals: [string, unknown, RegExp][] = [
    [
      "the unsigned plan",
      { network: "testnet", scripts: sent.scripts, unsignedTransaction: {} },
      /unsigned plan .* deploy with CKB_RPC_URL and CKB_PRIVATE_KEY first$/,
    ],
    ["another network", sent, /^the record is of network "devnet", not "mainnet"$/],
    ["not a record", { hello: 1 }, /^not a CKB deployment record/],
    [
      "a missing script",
      { ...sent, scripts: { ...sent.scripts, "channel-lock": undefined } },
      /^the record has no "channel-lock" script$/,
    ],
    [
      "a 1-byte code hash",
      { ...sent, scripts: { ...sent.scripts, "channel-type": { codeHash: "0x02", hashType: "data1" } } },
      /^the record's scripts are malformed: deployment\.channelType\.codeHash must be 32 bytes/,
    ],
  ];
  for (const [name, record, message] of refusals) {
    it(`refuses ${name} with CkbDeploymentRecordError`, () => {
      expect(() => ckbDeploymentFromRecord(record, name === "another network" ? "mainnet" : undefined)).to.throw(
        CkbDeploymentRecordError,
        message,
      );
    });
  }
});

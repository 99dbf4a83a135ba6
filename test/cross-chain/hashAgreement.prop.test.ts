/**
 * Cross-chain property 1 (DESIGN.md §6): for random params and states the four
 * implementations compute the same channel ID and state hash.
 *
 * What is compared, per run (one random case, see ./support.ts):
 * - library: `channelId(params)`, `hashState(state)` (src/encoding);
 * - EVM: the deployed `Adjudicator`'s views `channelID(params)` and `hashState(state)` on the
 *   Hardhat network — equal to the library's, byte for byte;
 * - ICP: the canister wasm in the test host answers `dispute(params, state, sigs)` (library
 *   signatures) with `Ok { channelID, stateHash }` — the canister's own hashes — equal to the
 *   library's;
 * - CKB: the CKB scripts expose no hash, so agreement is shown by acceptance in the CKB VM:
 *   (a) the open transaction verifies — the channel type script checks that keccak256 of the
 *   params bytes in the cell data equals the channel ID in its args, which the builder took
 *   from the library's `channelId` (and the cell's params bytes hash to it, checked here too);
 *   (b) a dispute of the state with the library's signatures verifies — the script recovers
 *   every signer from keccak256 of the state bytes, so it accepts only if its state hash is the
 *   library's (a different hash recovers a different address, rule 9). Control: the same
 *   dispute with the state's version changed by one in the witness but the original
 *   signatures is refused with the wrong-signer rule (first run only).
 *
 * Runs: PROP_RUNS (default 3: each run costs 2 CKB VM verifications of ~2–3 s here).
 */
import { expect } from "chai";
import fc from "fast-check";
import { CKB_EXIT as EXIT } from "../../src/ckb";
import { channelId } from "../../src/encoding/channelId";
import { hashState } from "../../src/encoding/hashState";
import { bytesToHex } from "../../src/encoding/internal/hex";
import type { Address } from "../../src/encoding/types";
import type { Deployment } from "../evm/fixtures";
import type { InstalledCanister } from "../icp/support/canisterFixture";
import { propParams, propTitle } from "../support/propertyRuns";
import {
  ICP_CALLER,
  caseArb,
  channelOfCase,
  ckbDispute,
  ckbOpenAndFund,
  crossChainSetup,
  crossRuns,
  signAll,
} from "./support";

const RUNS = crossRuns(3);

describe("cross-chain property: library, Adjudicator, canister and CKB scripts agree on channel ID and state hash", function () {
  this.timeout(1_800_000);
  let d: Deployment;
  let icp: InstalledCanister;
  let holders: Address[];

  before(async function () {
    ({ d, icp, holders } = await crossChainSetup());
  });

  const runs = propParams(RUNS, 0);
  it(propTitle("same channel ID and state hash on all four", runs), async function () {
    let firstRun = true;
    await fc.assert(
      fc.asyncProperty(caseArb(d.chainId, holders, { finalAllowed: true }), async (k) => {
        const ch = channelOfCase(k);
        const id = channelId(ch.params);
        const h = hashState(ch.state);

        // EVM
        expect(await d.adjudicator.channelID(ch.params), "EVM channelID").to.equal(id);
        expect(await d.adjudicator.hashState(ch.state), "EVM hashState").to.equal(h);

        // ICP
        const sigs = signAll(ch, ch.state);
        const got = await icp.as(ICP_CALLER).dispute(ch.params, ch.state, sigs);
        expect(got, `ICP dispute: ${JSON.stringify(Object.keys("Err" in got ? got.Err : got))}`).to.have.property("Ok");
        if ("Ok" in got) {
          expect(bytesToHex(got.Ok.channelID), "ICP channelID").to.equal(id);
          expect(bytesToHex(got.Ok.stateHash), "ICP stateHash").to.equal(h);
        }

        // CKB
        const o = ckbOpenAndFund(ch, true);
        expect(o.openVerdict!.ok, `CKB open exit ${o.openVerdict!.code}`).to.equal(true);
        expect(o.argsChannelId, "CKB type args channel ID").to.equal(id);
        expect(o.cellParamsHash, "keccak of the CKB cell's params bytes").to.equal(id);
        const v = ckbDispute(o.sc, ch.state, sigs);
        expect(v.ok, `CKB dispute with library signatures, exit ${v.code}`).to.equal(true);
        if (firstRun) {
          // Control (once: each verification costs seconds): signatures over this state do not
          // carry a state whose version differs by one, so acceptance above is not vacuous.
          firstRun = false;
          const other = structuredClone(ch.state);
          other.version = ch.state.version === 0n ? 1n : ch.state.version - 1n;
          const control = ckbDispute(o.sc, other, sigs);
          expect(control.ok, "CKB accepted signatures over a different state").to.equal(false);
          expect(control.code, "refused by the signature rule (SIG_BASE + 9: wrong signer)").to.equal(
            EXIT.SIG_BASE + 9,
          );
        }
      }),
      runs,
    );
  });
});

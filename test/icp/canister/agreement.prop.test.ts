import { expect } from "chai";
import fc from "fast-check";
import { channelId } from "../../../src/encoding/channelId";
import { encodeState } from "../../../src/encoding/encodeState";
import { hashState } from "../../../src/encoding/hashState";
import { ethSignedMessageDigest } from "../../../src/encoding/hashEthSignedMessage";
import { recoverDigestSigner } from "../../../src/encoding/signaturePolicy";
import { signState } from "../../../src/encoding/signState";
import { bytesToHex } from "../../../src/encoding/internal/hex";
import { SignatureError } from "../../../src/errors/signatureErrors";
import type { Hex, Params, State } from "../../../src/encoding/types";
import { PROP_RUNS, bytesArb, uint256Arb, uint64Arb } from "../../encoding/support/arbitraries";
import { KEY_POOL, MAX_CHALLENGE_DURATION, realAssetArb } from "../../evm/model/crosscheckArbitraries";
import { SIG_MUTATIONS, mutateSignature, type SigMutation } from "../../evm/model/signatureMutations";
import { propParams, propTitle } from "../../support/propertyRuns";
import { sharedCanister, type InstalledCanister } from "../support/canisterFixture";
import { userPrincipal } from "../support/channels";
import { Principal } from "@icp-sdk/core/principal";

/**
 * Cross-check through the real wasm: for random ledger channels and states (the EVM
 * cross-check's asset generator: EVM, CKB and ICP assets side by side) and randomly mutated
 * signatures (the EVM suite's tampering kinds plus a signature by another key), the canister's
 * channel ID, state hash and signature verdict equal the library's. Each run is one `dispute`
 * in the test host (~0.1 s), so runs default to 25; PROP_RUNS raises them, PROP_SEED seeds.
 */
const RUNS = process.env.PROP_RUNS ? PROP_RUNS : 25;
const HOLDERS = ["0x00000000000000000000000000000000000000aa", "0x1234567890123456789012345678901234567890"] as Hex[];
let nonceCounter = 1n << 200n;

type Mutation = { kind: "none" } | { kind: SigMutation | "otherKey"; index: number; pick: number };

const caseArb = fc
  .uniqueArray(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: 1, maxLength: 4 })
  .chain((signers) =>
    fc.record({
      signers: fc.constant(signers),
      ccAddresses: fc.array(bytesArb, { minLength: signers.length, maxLength: signers.length }),
      challengeDuration: fc.bigInt({ min: 0n, max: MAX_CHALLENGE_DURATION }),
      assets: fc.uniqueArray(realAssetArb(1337n, HOLDERS), {
        minLength: 1,
        maxLength: 3,
        selector: (a) => `${a.backend}/${a.asset.ccHolder}`,
      }),
      version: uint64Arb,
      appData: bytesArb,
      isFinal: fc.boolean(),
      balanceSeed: fc.array(uint256Arb, { minLength: 12, maxLength: 12 }),
      mutation: fc.oneof<fc.Arbitrary<Mutation>[]>(
        fc.constant<Mutation>({ kind: "none" }),
        fc.record({
          kind: fc.constantFrom<SigMutation | "otherKey">(...SIG_MUTATIONS, "otherKey"),
          index: fc.nat(signers.length - 1),
          pick: fc.nat(3),
        }),
      ),
    }),
  );

/** The library's verdict on a signature list, checked in participant order like the canister. */
function libraryVerdict(
  params: Params,
  state: State,
  sigs: Hex[],
):
  | { kind: "Ok" }
  | { kind: "BadSignature"; index: number; rule: string }
  | { kind: "WrongSigner"; index: number }
  | { kind: "SignatureCount" } {
  if (sigs.length !== params.participants.length) return { kind: "SignatureCount" };
  const digest = ethSignedMessageDigest(encodeState(state));
  for (let i = 0; i < sigs.length; i++) {
    try {
      const who = recoverDigestSigner(digest, sigs[i]);
      if (who !== params.participants[i].ethAddress.toLowerCase()) return { kind: "WrongSigner", index: i };
    } catch (e) {
      if (e instanceof SignatureError) return { kind: "BadSignature", index: i, rule: e.name };
      throw e;
    }
  }
  return { kind: "Ok" };
}

describe("ICP canister (wasm in the test host): hashes and signature verdicts agree with the library (property)", function () {
  this.timeout(600_000);
  let c: InstalledCanister;
  before(async () => {
    c = await sharedCanister();
  });

  const runs = propParams(RUNS, 0);
  it(propTitle("channel ID, state hash and accept/reject of every (mutated) signature", runs), async () => {
    const caller = Principal.fromUint8Array(userPrincipal(40));
    await fc.assert(
      fc.asyncProperty(caseArb, async (k) => {
        nonceCounter += 1n;
        const params: Params = {
          challengeDuration: k.challengeDuration,
          nonce: nonceCounter,
          participants: k.signers.map((s, i) => ({ ethAddress: KEY_POOL[s].address, ccAddress: k.ccAddresses[i] })),
          app: "0x0000000000000000000000000000000000000000",
          ledgerChannel: true,
          virtualChannel: false,
        };
        const n = params.participants.length;
        const state: State = {
          channelID: channelId(params),
          version: k.version,
          outcome: {
            assets: k.assets.map((a) => a.asset),
            backends: k.assets.map((a) => a.backend),
            balances: k.assets.map((_, i) => params.participants.map((_, j) => k.balanceSeed[(i * 4 + j) % 12])),
            locked: [],
          },
          appData: k.appData,
          isFinal: k.isFinal,
        };
        const sigs = k.signers.map((s) => signState(state, KEY_POOL[s].privateKey));
        if (k.mutation.kind === "otherKey") {
          const other = KEY_POOL.findIndex((_, i) => !k.signers.includes(i));
          sigs[k.mutation.index] = signState(state, KEY_POOL[other].privateKey);
        } else if (k.mutation.kind !== "none") {
          sigs[k.mutation.index] = mutateSignature(sigs[k.mutation.index], k.mutation.kind, k.mutation.pick).sig;
        }
        const expected = libraryVerdict(params, state, sigs);
        const got = await c.as(caller).dispute(params, state, sigs);
        if (expected.kind === "Ok") {
          expect(got, JSON.stringify(Object.keys(got))).to.have.property("Ok");
          if ("Ok" in got) {
            expect(bytesToHex(got.Ok.stateHash)).to.equal(hashState(state));
            expect(bytesToHex(got.Ok.channelID)).to.equal(channelId(params));
            expect(got.Ok.participants.length).to.equal(n);
          }
        } else {
          expect(got).to.have.property("Err");
          if ("Err" in got) {
            expect(Object.keys(got.Err)[0]).to.equal(expected.kind);
            const body = Object.values(got.Err)[0] as { index?: number; rule?: string };
            if (expected.kind === "BadSignature")
              expect(body).to.include({ index: expected.index, rule: expected.rule });
            if (expected.kind === "WrongSigner") expect(body.index).to.equal(expected.index);
          }
        }
      }),
      runs,
    );
  });
});

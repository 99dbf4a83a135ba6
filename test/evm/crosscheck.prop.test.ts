/**
 * Cross-check: the deployed Solidity Adjudicator and the TypeScript library agree on every
 * channel ID and state hash (DESIGN.md §2, §6).
 *
 * `hashState` / `channelID` re-encode their argument in Solidity (`abi.encode`), while
 * `register` hashes the calldata bytes as sent (`Channel.hashStateFromCalldata`,
 * `channelIDFromCalldata`). Both paths are checked: the getters against `hashState` /
 * `channelId` for arbitrary inputs, and `register` (eth_call, nothing mined) accepting library
 * signatures and library channel IDs for arbitrary signable states — a disagreement in the
 * calldata hash would show as a signature-mismatch or channel-ID revert.
 *
 * Every run is one eth_call on the in-process network per side; the calls of one run are
 * issued together so the provider round trips overlap. PROP_RUNS sets the runs (default 300),
 * PROP_SEED the seed.
 */
import { expect } from "chai";
import fc from "fast-check";
import { channelId, hashState, signState } from "../../src";
import type { Params, State } from "../../src";
import { loadDeployment } from "./fixtures";
import type { Deployment } from "./fixtures";
import {
  KEY_POOL,
  MAX_CHALLENGE_DURATION,
  anyParamsArb,
  anyStateArb,
  signableParamsArb,
  signableStateArb,
} from "./model/crosscheckArbitraries";
import { expectCustomError } from "./model/expectCustomError";
import type { ExpectedError } from "./model/expectCustomError";
import { CROSSCHECK_RUNS, SEED } from "./model/propConfig";

/** How many inputs one fast-check run sends in one batch of concurrent eth_calls. */
const BATCH = 4;

describe("EVM cross-check: deployed Adjudicator vs library (property)", function () {
  let d: Deployment;
  let holders: `0x${string}`[];

  before(async function () {
    d = await loadDeployment();
    holders = [(await d.ethHolder.getAddress()) as `0x${string}`, (await d.erc20Holder.getAddress()) as `0x${string}`];
  });

  it(`Adjudicator.channelID(params) = channelId(params) (${CROSSCHECK_RUNS} runs × ${BATCH} params)`, async function () {
    await fc.assert(
      fc.asyncProperty(fc.array(anyParamsArb, { minLength: BATCH, maxLength: BATCH }), async (batch: Params[]) => {
        const onChain = await Promise.all(batch.map((p) => d.adjudicator.channelID(p)));
        batch.forEach((p, i) => expect(onChain[i], `params #${i}`).to.equal(channelId(p)));
      }),
      { numRuns: CROSSCHECK_RUNS, seed: SEED },
    );
  });

  it(`Adjudicator.hashState(state) = hashState(state) (${CROSSCHECK_RUNS} runs × ${BATCH} states)`, async function () {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyStateArb(d.chainId, holders), { minLength: BATCH, maxLength: BATCH }),
        async (batch: State[]) => {
          const onChain = await Promise.all(batch.map((s) => d.adjudicator.hashState(s)));
          batch.forEach((s, i) => expect(onChain[i], `state #${i}`).to.equal(hashState(s)));
        },
      ),
      { numRuns: CROSSCHECK_RUNS, seed: SEED + 1 },
    );
  });

  it(`register accepts exactly the library's channel IDs and signatures (calldata hashing, ${CROSSCHECK_RUNS} runs)`, async function () {
    const signable = signableParamsArb.chain(({ params, signers }) =>
      signableStateArb(params, d.chainId, holders).map((state) => ({ params, signers, state })),
    );
    await fc.assert(
      fc.asyncProperty(signable, async ({ params, signers, state }) => {
        const sigs = signers.map((k) => signState(state, KEY_POOL[k].privateKey));
        const call = d.adjudicator.register.staticCall({ params, state, sigs }, []);
        // The only rules a fresh single registration can break once IDs and signatures are right.
        const expected: ExpectedError[] = [];
        const hasApp = BigInt(params.app) !== 0n;
        if (params.virtualChannel && hasApp)
          expected.push({ name: "AdjudicatorInvalidVirtualChannel", args: [state.channelID] });
        if (params.challengeDuration > MAX_CHALLENGE_DURATION) {
          expected.push({
            name: "DisputeChallengeDurationOutOfRange",
            args: [params.challengeDuration, MAX_CHALLENGE_DURATION],
          });
        }
        if (expected.length === 0) {
          await call; // a revert here means the contract hashed the calldata differently
        } else {
          await expectCustomError(call, [d.adjudicator.interface], expected, "register");
        }
      }),
      { numRuns: CROSSCHECK_RUNS, seed: SEED + 2 },
    );
  });

  it("register rejects a library signature on a state one bit away from the signed one", async function () {
    const signable = signableParamsArb
      .filter(({ params }) => !params.virtualChannel && params.challengeDuration <= MAX_CHALLENGE_DURATION)
      .chain(({ params, signers }) =>
        signableStateArb(params, d.chainId, holders).map((state) => ({ params, signers, state })),
      );
    await fc.assert(
      fc.asyncProperty(signable, async ({ params, signers, state }) => {
        const sigs = signers.map((k) => signState(state, KEY_POOL[k].privateKey));
        const tampered: State = { ...state, version: state.version ^ 1n };
        const decoded = await expectCustomError(
          d.adjudicator.register.staticCall({ params, state: tampered, sigs }, []),
          [d.adjudicator.interface],
          [{ name: "SignatureSignerMismatch" }, { name: "SignatureZeroSigner" }],
          "register(tampered)",
        );
        if (decoded.name === "SignatureSignerMismatch") {
          expect(String(decoded.args[0]).toLowerCase()).to.equal(KEY_POOL[signers[0]].address);
        }
      }),
      { numRuns: Math.max(50, Math.floor(CROSSCHECK_RUNS / 4)), seed: SEED + 3 },
    );
  });
});

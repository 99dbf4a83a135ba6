/**
 * Cross-check: the deployed Solidity Adjudicator and the TypeScript library agree on every
 * channel ID and state hash (DESIGN.md §2, §6).
 *
 * `hashState` / `channelID` re-encode their argument in Solidity (`abi.encode`), while
 * `register` hashes the calldata bytes as sent (`Channel.hashStateFromCalldata`,
 * `channelIDFromCalldata`). Both paths are checked: the getters against `hashState` /
 * `channelId` for arbitrary inputs, and `register` (eth_call, nothing mined) accepting library
 * signatures and library channel IDs for arbitrary signable states — a disagreement in the
 * calldata hash would show as a signature-mismatch or channel-ID revert. Likewise `withdraw`
 * (which hashes the WithdrawalAuth calldata) must accept the library's signature on an
 * authorisation for any participant (any ccAddress bytes) and any receiver, and refuse it
 * once the receiver changes.
 *
 * Every run is one eth_call on the in-process network per side; the calls of one run are
 * issued together so the provider round trips overlap. PROP_RUNS sets the runs (default 300),
 * PROP_SEED the seed.
 */
import { expectedShapeRevert } from "./model/shapeErrors";
import { expect } from "chai";
import fc from "fast-check";
import { propParams, propTitle } from "../support/propertyRuns";
import {
  BACKEND_ETH,
  channelId,
  hashState,
  recoverWithdrawalAuthSigner,
  signState,
  signWithdrawalAuth,
} from "../../src";
import type { Params, State, WithdrawalAuth } from "../../src";
import { addressArb, bytesArb, uint256Arb } from "../encoding/support/arbitraries";
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
import { CROSSCHECK_RUNS } from "./model/propConfig";

/** How many inputs one fast-check run sends in one batch of concurrent eth_calls. */
const BATCH = 4;

describe("EVM cross-check: deployed Adjudicator vs library (property)", function () {
  let d: Deployment;
  let holders: `0x${string}`[];

  before(async function () {
    d = await loadDeployment();
    holders = [(await d.ethHolder.getAddress()) as `0x${string}`, (await d.erc20Holder.getAddress()) as `0x${string}`];
  });

  const p0 = propParams(CROSSCHECK_RUNS, 0);
  it(propTitle(`Adjudicator.channelID(params) = channelId(params) (× ${BATCH} params per run)`, p0), async function () {
    await fc.assert(
      fc.asyncProperty(fc.array(anyParamsArb, { minLength: BATCH, maxLength: BATCH }), async (batch: Params[]) => {
        const onChain = await Promise.all(batch.map((p) => d.adjudicator.channelID(p)));
        batch.forEach((p, i) => expect(onChain[i], `params #${i}`).to.equal(channelId(p)));
      }),
      p0,
    );
  });

  const p1 = propParams(CROSSCHECK_RUNS, 1);
  it(propTitle(`Adjudicator.hashState(state) = hashState(state) (× ${BATCH} states per run)`, p1), async function () {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyStateArb(d.chainId, holders), { minLength: BATCH, maxLength: BATCH }),
        async (batch: State[]) => {
          const onChain = await Promise.all(batch.map((s) => d.adjudicator.hashState(s)));
          batch.forEach((s, i) => expect(onChain[i], `state #${i}`).to.equal(hashState(s)));
        },
      ),
      p1,
    );
  });

  const p2 = propParams(CROSSCHECK_RUNS, 2);
  it(
    propTitle("register accepts exactly the library's channel IDs and signatures (calldata hashing)", p2),
    async function () {
      const signable = signableParamsArb.chain(({ params, signers }) =>
        signableStateArb(params, d.chainId, holders).map((state) => ({ params, signers, state })),
      );
      await fc.assert(
        fc.asyncProperty(signable, async ({ params, signers, state }) => {
          const sigs = signers.map((k) => signState(state, KEY_POOL[k].privateKey));
          const call = d.adjudicator.register.staticCall({ params, state, sigs }, []);
          // The only rules a fresh single registration can break once IDs and signatures are right.
          const expected: ExpectedError[] = [];
          // Shapes the library's pre-signing check refuses (issue 6): the same error here.
          const shape = expectedShapeRevert(params, state);
          if (shape) expected.push(shape);
          // A holder of this chain listed twice (issue 15): refused at register, after the shape.
          const local = state.outcome.assets.filter((a) => a.chainID === d.chainId && BigInt(a.ethHolder) !== 0n);
          const dup = local.find(
            (a, i) => local.findIndex((b) => b.ethHolder.toLowerCase() === a.ethHolder.toLowerCase()) < i,
          );
          if (!shape && dup) expected.push({ name: "AdjudicatorDuplicateAssetHolder", args: [dup.ethHolder] });
          const hasApp = BigInt(params.app) !== 0n;
          if (!shape && params.virtualChannel && hasApp)
            expected.push({ name: "AdjudicatorInvalidVirtualChannel", args: [state.channelID] });
          if (!shape && params.challengeDuration > MAX_CHALLENGE_DURATION) {
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
        p2,
      );
    },
  );

  const p3 = propParams(Math.max(50, Math.floor(CROSSCHECK_RUNS / 4)), 3);
  it(
    propTitle("register rejects a library signature on a state one bit away from the signed one", p3),
    async function () {
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
        p3,
      );
    },
  );

  const p4 = propParams(CROSSCHECK_RUNS, 4);
  it(
    propTitle("withdraw accepts exactly the library's withdrawal signatures (calldata hashing)", p4),
    async function () {
      // Distinct participants (the holders refuse duplicates), any ccAddress bytes, any receiver.
      const arb = fc.record({
        signers: fc.uniqueArray(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: 1, maxLength: 10 }),
        ccAddresses: fc.array(bytesArb, { minLength: 10, maxLength: 10 }),
        nonce: uint256Arb,
        who: fc.nat(),
        receiver: addressArb,
      });
      const ethHolder = holders[0];
      await fc.assert(
        fc.asyncProperty(arb, async ({ signers, ccAddresses, nonce, who, receiver }) => {
          const params: Params = {
            challengeDuration: 60n,
            nonce,
            participants: signers.map((k, i) => ({ ethAddress: KEY_POOL[k].address, ccAddress: ccAddresses[i] })),
            app: "0x0000000000000000000000000000000000000000",
            ledgerChannel: true,
            virtualChannel: false,
          };
          const id = channelId(params);
          if ((await d.adjudicator.disputes(id))[3] !== 2n) {
            const final: State = {
              channelID: id,
              version: 1n,
              outcome: {
                assets: [{ chainID: d.chainId, ethHolder, ccHolder: "0x" }],
                backends: [BACKEND_ETH],
                balances: [signers.map(() => 0n)],
                locked: [],
              },
              appData: "0x",
              isFinal: true,
            };
            const sigs = signers.map((k) => signState(final, KEY_POOL[k].privateKey));
            await (await d.adjudicator.concludeFinal(params, final, sigs)).wait();
          }
          const k = who % signers.length;
          const auth: WithdrawalAuth = { channelID: id, participant: params.participants[k], receiver, amount: 0n };
          const sig = signWithdrawalAuth(auth, KEY_POOL[signers[k]].privateKey);
          await d.ethHolder.withdraw.staticCall(auth, sig); // a revert means the holder hashed the calldata differently
          const redirected: WithdrawalAuth = { ...auth, receiver: KEY_POOL[signers[k]].address };
          if (redirected.receiver.toLowerCase() !== receiver.toLowerCase()) {
            await expectCustomError(
              d.ethHolder.withdraw.staticCall(redirected, sig),
              [d.ethHolder.interface],
              [
                {
                  name: "SignatureSignerMismatch",
                  args: [KEY_POOL[signers[k]].address, recoverWithdrawalAuthSigner(redirected, sig)],
                },
              ],
              "withdraw(redirected)",
            );
          }
        }),
        p4,
      );
    },
  );
});

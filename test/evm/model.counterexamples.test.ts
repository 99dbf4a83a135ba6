/**
 * Counterexamples to the safety property (DESIGN.md §1: an honest participant who holds the
 * latest fully signed state never loses funds), kept as example tests. Each states the attack
 * step by step and asserts the property, not a particular fix: the attack must either be
 * refused by the contracts or leave the honest participant able to collect its balance.
 *
 * 1. Sub-channel hijack. `register(parent, subChannels)` accepts as a "sub-channel" any fully
 *    signed state — including a state of a ledger channel that is funded directly at the asset
 *    holders (`params.ledgerChannel = true`) — and `conclude(parent, …)` then force-concludes
 *    that channel (`DisputeRecord.forceConclude`) as soon as the PARENT's window is over,
 *    without its own window and without ever pushing its outcome to the holders. The victim
 *    channel is left CONCLUDED with no outcome: nobody can conclude it again, and its holders
 *    treat it as settled, so every depositor withdraws its raw deposit. A malicious
 *    participant who paid the honest one off-chain gets its payments back. The attacker needs
 *    nothing but a parent channel of its own (one participant, challenge duration 0) and the
 *    victim's registered state (even the honest participant's latest one will do).
 *    Upstream perun-eth-contracts has the same gap (no ledger-channel check on sub-channels).
 *
 * 2. Deposit under the channel ID after settlement. Funds deposited under the channel ID
 *    itself count towards the channel at settlement (as upstream), and `setOutcome` clears
 *    that word. A deposit under the channel ID made AFTER settlement is accepted (the cleared
 *    word carries no settled flag), but no withdrawal authorisation can ever name it: it is
 *    locked for good. DESIGN.md §3 requires a deposit into a settled channel to be rejected or
 *    to stay withdrawable by its own participant; this one is neither.
 */
import { expect } from "chai";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { ethers } from "hardhat";
import { BACKEND_ETH, channelId, fundingId, signState, signWithdrawalAuth } from "../../src";
import type { Hex, Params, State, WithdrawalAuth } from "../../src";
import { modelFixture } from "./model/modelFixture";
import type { ModelDeployment } from "./model/modelFixture";
import { decodeRevert, revertDataOf } from "./model/expectCustomError";

const UNIT = 10n ** 15n;
const ZERO32: Hex = `0x${"00".repeat(32)}`;

/** Runs `f`; returns the decoded custom error name when it reverted, undefined when it succeeded. */
async function tryTx(
  d: ModelDeployment,
  f: () => Promise<{ wait: () => Promise<unknown> }>,
): Promise<string | undefined> {
  try {
    await (await f()).wait();
    return undefined;
  } catch (err) {
    const data = revertDataOf(err);
    const decoded = data === undefined ? undefined : decodeRevert(data, d.errorInterfaces);
    if (decoded === undefined) throw err;
    return decoded.name;
  }
}

describe("EVM model counterexamples (safety property)", function () {
  it("sub-channel hijack: a ledger channel cannot be force-concluded without its outcome through someone else's parent channel", async function () {
    const d = await loadFixture(modelFixture);
    const [honest, mal] = d.parts;
    const ethAsset = { chainID: d.chainId, ethHolder: d.holderAddresses[0], ccHolder: ZERO32 };

    // The victim: a payment channel between the honest participant and the malicious one.
    const victimParams: Params = {
      challengeDuration: 3600n,
      nonce: 7n,
      participants: [honest.participant, mal.participant],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    const victimId = channelId(victimParams);
    const victimState = (balances: bigint[], version: bigint): State => ({
      channelID: victimId,
      version,
      outcome: { assets: [ethAsset], backends: [BACKEND_ETH], balances: [balances], locked: [] },
      appData: "0x",
      isFinal: false,
    });
    // The malicious participant funds the channel alone and then pays 7 units off-chain.
    await (
      await d.ethHolder.connect(mal.wallet).deposit(fundingId(victimId, mal.address), 10n * UNIT, { value: 10n * UNIT })
    ).wait();
    const latest = victimState([7n * UNIT, 3n * UNIT], 1n);
    const latestSigs = [signState(latest, honest.privateKey), signState(latest, mal.privateKey)];

    // The attacker's parent channel: itself as the only participant, no challenge window,
    // "locking" the victim channel's whole total as a sub-channel mapped onto itself.
    const parentParams: Params = {
      challengeDuration: 0n,
      nonce: 8n,
      participants: [mal.participant],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    const parentState: State = {
      channelID: channelId(parentParams),
      version: 0n,
      outcome: {
        assets: [ethAsset],
        backends: [BACKEND_ETH],
        balances: [[0n]],
        locked: [{ ID: victimId, balances: [10n * UNIT], indexMap: [0n, 0n] }],
      },
      appData: "0x",
      isFinal: false,
    };
    const parent = { params: parentParams, state: parentState, sigs: [signState(parentState, mal.privateKey)] };
    const victim = { params: victimParams, state: latest, sigs: latestSigs };

    const adj = d.adjudicator.connect(mal.wallet);
    const registerError = await tryTx(d, () => adj.register(parent, [victim]));
    const concludeError = registerError ?? (await tryTx(d, () => adj.conclude(parentParams, parentState, [latest])));
    if (concludeError !== undefined) return; // refused: the property holds

    // The attack went through. The honest participant now plays its strategy: wait for the
    // victim's own window, conclude it with its latest state, withdraw its 7 units.
    await time.increase(2n * 3600n);
    const h = d.adjudicator.connect(honest.wallet);
    await tryTx(d, () => h.conclude(victimParams, latest, []));
    const auth: WithdrawalAuth = {
      channelID: victimId,
      participant: honest.participant,
      receiver: d.receivers[0],
      amount: 7n * UNIT,
    };
    const withdrawError = await tryTx(d, () =>
      d.ethHolder.connect(honest.wallet).withdraw(auth, signWithdrawalAuth(auth, honest.privateKey)),
    );
    const received = await ethers.provider.getBalance(d.receivers[0]);
    const phase = (await d.adjudicator.disputes(victimId))[3];
    expect(
      received,
      `honest received ${received} of its 7 units (victim phase ${phase}, honest withdraw: ${withdrawError ?? "ok"}, ` +
        `malicious still holds ${await d.ethHolder.holdings(fundingId(victimId, mal.address))} as a refundable deposit)`,
    ).to.equal(7n * UNIT);
  });

  it("deposit under the channel ID after settlement: rejected, or recoverable by someone", async function () {
    const d = await loadFixture(modelFixture);
    const [a, b] = d.parts;
    const params: Params = {
      challengeDuration: 60n,
      nonce: 9n,
      participants: [a.participant, b.participant],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    const id = channelId(params);
    const ethAsset = { chainID: d.chainId, ethHolder: d.holderAddresses[0], ccHolder: ZERO32 };
    const final: State = {
      channelID: id,
      version: 1n,
      outcome: { assets: [ethAsset], backends: [BACKEND_ETH], balances: [[0n, 0n]], locked: [] },
      appData: "0x",
      isFinal: true,
    };
    await (
      await d.adjudicator.concludeFinal(params, final, [signState(final, a.privateKey), signState(final, b.privateKey)])
    ).wait();
    expect(await d.ethHolder.settled(id)).to.equal(true);

    const late = await tryTx(d, () => d.ethHolder.connect(d.outsider.wallet).deposit(id, UNIT, { value: UNIT }));
    if (late !== undefined) return; // refused: the property holds
    // Accepted: it must be withdrawable by someone. A withdrawal names a participant's funding
    // ID (keccak(channelID, participant)), never the channel ID itself, so nobody can.
    const held = await d.ethHolder.holdings(id);
    const perParticipant = await Promise.all([a, b].map((p) => d.ethHolder.holdings(fundingId(id, p.address))));
    expect(
      perParticipant.some((h) => h >= UNIT),
      `deposit of ${UNIT} under the settled channel ID was accepted and sits there (holdings(channelID) = ${held}), ` +
        `withdrawable by no participant (their holdings: ${perParticipant.join(", ")})`,
    ).to.equal(true);
  });
});

/**
 * Opening and funding the three-chain channel: the params (nonce bound to the CKB opener's
 * out-point, ccAddress = each participant's CKB payout lock hash), version 0 signed by all
 * before any deposit, then the deposits on each chain, and K off-chain updates.
 */
import { hashState } from "../../../src";
import { OffChainChannel } from "../offChainChannel";
import { deposit } from "../evm/channelOps";
import { deposits, describeBalances, payment } from "./plan";
import type { ThreeChainWorld } from "./world";

/** Opens (off-chain), then funds on EVM, ICP and CKB; returns the channel at version 0. */
export async function openAndFund(
  w: ThreeChainWorld,
  label: string,
  phase: string,
  challengeDuration: bigint,
): Promise<OffChainChannel> {
  const { log, people, assets } = w;
  const opener = w.ckb.prepareOpen();
  const channel = new OffChainChannel({
    label,
    people,
    ccAddresses: w.ckb.ccAddresses,
    assets: assets.map((a) => a.asset),
    backends: assets.map((a) => a.backend),
    initialBalances: deposits(assets, people.length),
    nonce: opener.nonce,
    challengeDuration,
  });
  log.step(
    `${people.map((p) => p.name).join(", ")} agree on the params (challenge window ${challengeDuration} s) and all sign version 0 before funding`,
  );
  log.detail(`channel ID ${channel.id} — the same on every chain (keccak256 of the ABI-encoded params)`);
  log.detail(`nonce ${opener.nonce} = keccak256 of the CKB opener's first input out-point (the CKB open requires it)`);
  log.detail(`ccAddress of each participant = the hash of its CKB payout lock`);
  log.detail(`version 0: ${describeBalances(assets, people, channel.latest.state.outcome.balances)}`);

  for (let a = 0; a < w.evm.assets.length; a++) {
    for (let i = 0; i < people.length; i++) await deposit(w.evm, phase, channel, i, a);
  }
  await w.icp.fund(phase, channel, assets.indexOf(w.icp.asset));
  await w.ckb.openAndFund(phase, channel, opener.feePayer);
  return channel;
}

/** `updates` off-chain payments, each signed once by everyone (no transaction on any chain). */
export function payOffChain(w: ThreeChainWorld, channel: OffChainChannel, updates: number): void {
  for (let k = 1; k <= updates; k++) {
    const p = payment(w.assets, channel.latest.state.outcome.balances, k, updates);
    const { state } = channel.update(p.balances);
    w.log.step(
      `off-chain version ${state.version}: ${w.people[p.payer].name} pays ${w.people[p.payee].name} in every asset → ` +
        describeBalances(w.assets, w.people, state.outcome.balances),
    );
    w.log.detail(`signed once by each participant; one state hash ${hashState(state)} for all three chains`);
  }
}

/**
 * The EVM moves both channel stories share: deposit, withdraw with a signed withdrawal
 * authorisation, and the closing balance checks — through each person's `PerunEvmClient`
 * (`perun-adjudicators/evm`), as a wallet would. Funding IDs come from the library. The EVM
 * assets are the first ones of the channel's outcome, so EVM asset `a` is outcome row `a`.
 */
import { fundingId } from "../../../src";
import { formatAmount, formatCount } from "../../lib/format";
import type { OffChainChannel } from "../offChainChannel";
import type { DemoPerson } from "../people";
import type { DemoPayout } from "../types";
import type { EvmAsset, EvmWorld } from "./world";

/** Wallet balances of every person in every asset, `[asset][person]`. */
export type BalanceSheet = bigint[][];

/** Human-readable amount of asset `a`. */
export function fmt(world: EvmWorld, a: number, amount: bigint): string {
  const asset = world.assets[a];
  return formatAmount(amount, asset.decimals, asset.symbol);
}

/** Snapshot of everyone's wallet balances. */
export async function balanceSheet(world: EvmWorld): Promise<BalanceSheet> {
  return Promise.all(world.assets.map((asset) => Promise.all(world.people.map((p) => asset.balanceOf(p.address)))));
}

/** `person` deposits its version-0 balance of asset `a` into the channel and the holding is checked. */
export async function deposit(
  world: EvmWorld,
  phase: string,
  channel: OffChainChannel,
  personIndex: number,
  a: number,
): Promise<void> {
  const person = world.people[personIndex];
  const asset: EvmAsset = world.assets[a];
  const amount = channel.at(0n).state.outcome.balances[a][personIndex];
  const fid = fundingId(channel.id, person.address);
  const client = world.clients[person.name];
  // The PDT allowance was given once at set-up, so the client needs no approval here.
  const { approvals, deposit: receipt } = await client.deposit({ holder: asset.holderAddress, fundingID: fid, amount });
  for (const a of approvals) world.tx.receipt(phase, `approve ${asset.symbol}`, person.name, a);
  const r = world.tx.receipt(phase, `deposit ${asset.symbol}`, person.name, receipt);
  world.log.step(
    `EVM: ${person.name} deposits ${fmt(world, a, amount)} into the ${asset.symbol} holder (${formatCount(r.gasUsed)} gas)`,
  );
  world.check.equal(
    `EVM: holdings of ${person.name} in ${asset.symbol}`,
    amount,
    await client.holdings(asset.holderAddress, fid),
    fmt(world, a, amount),
  );
}

/**
 * `person` withdraws its whole settled balance of asset `a`, authorised by its own signature
 * over a withdrawal authorisation (receiver: itself). Returns the amount.
 */
export async function withdraw(
  world: EvmWorld,
  phase: string,
  channel: OffChainChannel,
  personIndex: number,
  a: number,
): Promise<bigint> {
  const person: DemoPerson = world.people[personIndex];
  const asset = world.assets[a];
  const fid = fundingId(channel.id, person.address);
  const client = world.clients[person.name];
  // The client reads the whole holding, signs the authorisation with the library and checks it.
  const { amount, receipt } = await client.withdraw({
    holder: asset.holderAddress,
    channelID: channel.id,
    participant: channel.params.participants[personIndex],
    signer: person.privateKey,
  });
  const r = world.tx.receipt(phase, `withdraw ${asset.symbol}`, person.name, receipt);
  world.log.step(
    `EVM: ${person.name} signs a withdrawal authorisation for ${fmt(world, a, amount)} and withdraws it (${formatCount(r.gasUsed)} gas)`,
  );
  world.check.equal(
    `EVM: holdings of ${person.name} in ${asset.symbol} after withdrawing`,
    0n,
    await client.holdings(asset.holderAddress, fid),
    "0",
  );
  return amount;
}

/**
 * Every participant withdraws every EVM asset; each amount must be `expected[a][i]` (the
 * settled state's row of EVM asset `a`, which comes first in the outcome).
 */
export async function withdrawAll(
  world: EvmWorld,
  phase: string,
  channel: OffChainChannel,
  expected: bigint[][],
): Promise<void> {
  for (let i = 0; i < world.people.length; i++) {
    for (let a = 0; a < world.assets.length; a++) {
      const amount = await withdraw(world, phase, channel, i, a);
      world.check.equal(
        `EVM: ${world.people[i].name}'s ${world.assets[a].symbol} withdrawal`,
        expected[a][i],
        amount,
        fmt(world, a, amount),
      );
    }
  }
}

/**
 * Checks that `expected` reached the wallets exactly: for each person and asset, the wallet
 * changed by payout − deposit, minus (for ETH) the gas fees the person paid in `phases` (the
 * channel's phases since `before` was taken). Returns the payouts for the report.
 */
export async function checkPayouts(
  world: EvmWorld,
  phases: readonly string[],
  channel: OffChainChannel,
  before: BalanceSheet,
  expected: bigint[][],
  label: string,
): Promise<DemoPayout[]> {
  const after = await balanceSheet(world);
  const deposits = channel.at(0n).state.outcome.balances;
  const payouts: DemoPayout[] = [];
  world.people.forEach((p, i) => {
    world.assets.forEach((asset, a) => {
      const fees = asset.isEth ? world.tx.feesPaid(phases, p.name) : 0n;
      const change = after[a][i] - before[a][i];
      const received = change + fees + deposits[a][i];
      world.check.equal(
        `EVM: ${p.name} received the ${label} ${asset.symbol} balance`,
        expected[a][i],
        received,
        `${fmt(world, a, received)} (wallet ${change < 0n ? "" : "+"}${fmt(world, a, change)}: ` +
          `-${fmt(world, a, deposits[a][i])} deposited, +${fmt(world, a, received)} withdrawn` +
          `${asset.isEth ? `, -${fmt(world, a, fees)} gas fees` : ""})`,
      );
      payouts.push({
        channel: channel.label,
        chain: "EVM",
        participant: p.name,
        asset: asset.symbol,
        decimals: asset.decimals,
        amount: received,
      });
    });
  });
  return payouts;
}

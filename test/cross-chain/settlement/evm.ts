/**
 * The EVM side of the settlement property: the deployed Adjudicator and asset holders on the
 * Hardhat network (test/evm/fixtures.ts), driven through the package's EVM client functions
 * (src/evm: deposit, register, conclude, concludeFinal, withdraw). What it measures — holder
 * balances, receivers' wallets, holdings — is compared with the model by the property.
 */
import { expect } from "chai";
import { ethers, network } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { channelId } from "../../../src/encoding/channelId";
import { fundingId } from "../../../src/encoding/fundingId";
import type { Address, Hex, Params, State } from "../../../src/encoding/types";
import { ContractRevertError } from "../../../src/evm/errors";
import { conclude, concludeFinal } from "../../../src/evm/conclude";
import { deposit } from "../../../src/evm/deposit";
import { register } from "../../../src/evm/register";
import { withdraw } from "../../../src/evm/withdraw";
import { ETH_BALANCE, freshAddress, type Deployment } from "../../evm/fixtures";

/** The holder a case uses, the one it must not touch, and fresh receivers (one per participant). */
export interface EvmSide {
  d: Deployment;
  token: "ETH" | "ERC20";
  holder: Address;
  other: Address;
  receivers: Address[];
}

let receiverCounter = 0;

export async function evmSide(d: Deployment, token: "ETH" | "ERC20", n: number): Promise<EvmSide> {
  const eth = (await d.ethHolder.getAddress()) as Address;
  const erc20 = (await d.erc20Holder.getAddress()) as Address;
  receiverCounter++;
  return {
    d,
    token,
    holder: token === "ETH" ? eth : erc20,
    other: token === "ETH" ? erc20 : eth,
    receivers: Array.from({ length: n }, (_, i) => freshAddress(`settlement ${receiverCounter}.${i}`)),
  };
}

async function balanceOf(side: EvmSide, token: "ETH" | "ERC20", who: Address): Promise<bigint> {
  return token === "ETH" ? ethers.provider.getBalance(who) : side.d.token.balanceOf(who);
}

/** What the EVM side looks like at one moment: the holders' wallets, the receivers' and the channel's holdings. */
export interface EvmSnapshot {
  holderBalance: bigint;
  /** The other holder's balance in its own unit (must never move). */
  otherBalance: bigint;
  receivers: bigint[];
  holdings: bigint[];
  otherHoldings: bigint[];
}

export async function evmSnapshot(side: EvmSide, params: Params): Promise<EvmSnapshot> {
  const id = channelId(params);
  const fids = params.participants.map((p) => fundingId(id, p.ethAddress));
  const otherToken = side.token === "ETH" ? "ERC20" : "ETH";
  const holdingsAt = (token: "ETH" | "ERC20") =>
    Promise.all(fids.map((f) => (token === "ETH" ? side.d.ethHolder : side.d.erc20Holder).holdings(f)));
  return {
    holderBalance: await balanceOf(side, side.token, side.holder),
    otherBalance: await balanceOf(side, otherToken, side.other),
    receivers: await Promise.all(side.receivers.map((r) => balanceOf(side, side.token, r))),
    holdings: await holdingsAt(side.token),
    otherHoldings: await holdingsAt(otherToken),
  };
}

/** Deposits each participant's version-0 balance under its funding ID (a funder pays; zero deposits are skipped). */
export async function evmFund(side: EvmSide, params: Params, amounts: bigint[]): Promise<void> {
  const id = channelId(params);
  const funder = side.d.parts[0].wallet;
  // Long runs would drain the funder: keep its ETH topped up (it is not measured).
  await network.provider.send("hardhat_setBalance", [funder.address, ethers.toQuantity(ETH_BALANCE)]);
  const holder =
    side.token === "ETH" ? { address: side.holder } : { address: side.holder, token: await side.d.token.getAddress() };
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i] === 0n) continue;
    await deposit(funder, { holder, fundingID: fundingId(id, params.participants[i].ethAddress), amount: amounts[i] });
  }
}

export async function evmConcludeFinal(side: EvmSide, params: Params, state: State, sigs: Hex[]): Promise<void> {
  await concludeFinal(side.d.adjudicator, { params, state, sigs });
}

/** `register` sent by the wallet of `senderKey` (a participant's own key, given gas money here). */
export async function evmRegister(
  side: EvmSide,
  params: Params,
  state: State,
  sigs: Hex[],
  senderKey: Hex,
): Promise<void> {
  const wallet = new ethers.Wallet(senderKey, ethers.provider);
  await network.provider.send("hardhat_setBalance", [wallet.address, ethers.toQuantity(10n ** 20n)]);
  await register(side.d.adjudicator.connect(wallet), { params, state, sigs });
}

export async function evmConclude(side: EvmSide, params: Params, state: State): Promise<void> {
  await conclude(side.d.adjudicator, params, state);
}

/** Lets the EVM clock run past a window of `seconds` (Hardhat time helpers). */
export async function evmWindowPasses(seconds: bigint): Promise<void> {
  await time.increase(seconds + 1n);
}

/** `action` must be refused by the contracts with the custom error `name`. */
export async function expectEvmRefused(action: Promise<unknown>, name: string, what: string): Promise<void> {
  let err: unknown;
  try {
    await action;
  } catch (e) {
    err = e;
  }
  expect(err, `EVM ${what} was accepted, expected ${name}`).to.be.instanceOf(ContractRevertError);
  expect((err as ContractRevertError).revertName, `EVM ${what}`).to.equal(name);
}

/** Every participant withdraws its whole holding (if any) to its fresh receiver; anyone sends. */
export async function evmWithdrawAll(side: EvmSide, params: Params, keys: Hex[]): Promise<void> {
  const id = channelId(params);
  const contract = side.token === "ETH" ? side.d.ethHolder : side.d.erc20Holder;
  const sender = side.d.parts[1].wallet;
  for (let i = 0; i < keys.length; i++) {
    const p = params.participants[i];
    const held = await contract.holdings(fundingId(id, p.ethAddress));
    if (held === 0n) continue;
    await withdraw(sender, {
      holder: side.holder,
      channelID: id,
      participant: p,
      signer: keys[i],
      receiver: side.receivers[i],
      amount: held,
    });
  }
}

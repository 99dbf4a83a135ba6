/**
 * Deposits into an asset holder for one funding ID. ETH: `deposit{value: amount}`. ERC-20: the
 * holder pulls the tokens with `transferFrom`, so the client first makes sure the holder's
 * allowance covers the amount — if not, it approves exactly `amount` (going through 0 first
 * when an allowance is already set, because tokens like USDT refuse to change a non-zero
 * allowance to another non-zero value) and checks that the allowance really rose.
 */
import type { Overrides, Signer } from "ethers";
import { normalizeAddress } from "../index";
import type { Hex } from "../index";
import { AssetHolder__factory } from "../../typechain/evm/factories/AssetHolder__factory";
import { erc20At } from "./erc20";
import type { Erc20 } from "./erc20";
import { toEvmError } from "./toEvmError";
import { AllowanceNotRaisedError, EvmClientInputError } from "./errors";
import { requireBytes32 } from "./requireBytes32";
import { sendContractTx } from "./sendContractTx";
import type { EvmReceipt } from "./sendContractTx";
import type { EvmHolder } from "./types";

/** What to deposit where. */
export interface DepositRequest {
  holder: EvmHolder;
  /** `fundingId(channelID, participant.ethAddress)` (library). */
  fundingID: Hex;
  /** In the asset's smallest unit (wei, token units); positive. */
  amount: bigint;
  /**
   * ERC-20 only: "exact" (default) approves `amount` when the allowance is lower; "none" never
   * approves (the wallet manages allowances itself).
   */
  allowance?: "exact" | "none";
  /** Passed to the deposit transaction (gas limit, fees, nonce). */
  overrides?: Omit<Overrides, "value">;
}

/** Receipts of a deposit. */
export interface DepositResult {
  /** The `approve` transactions sent before the deposit (ERC-20 only; often none). */
  approvals: EvmReceipt[];
  deposit: EvmReceipt;
}

/** Deposits `request.amount` from `signer`; see the file comment. */
export async function deposit(signer: Signer, request: DepositRequest): Promise<DepositResult> {
  const { holder, fundingID, amount } = request;
  if (typeof amount !== "bigint" || amount <= 0n) {
    throw new EvmClientInputError(`deposit amount must be a positive bigint, got ${String(amount)}`, { amount });
  }
  requireBytes32(fundingID, "fundingID");
  const holderAddress = normalizeAddress(holder.address, "holder");
  const contract = AssetHolder__factory.connect(holderAddress, signer);
  const approvals: EvmReceipt[] = [];
  if (holder.token !== undefined && (request.allowance ?? "exact") === "exact") {
    const token = erc20At(normalizeAddress(holder.token, "token"), signer);
    const owner = await signer.getAddress();
    const current = await readAllowance(token, owner, holderAddress);
    if (current < amount) {
      if (current !== 0n)
        approvals.push(await sendContractTx("ERC20.approve(0)", () => token.approve(holderAddress, 0n)));
      approvals.push(await sendContractTx("ERC20.approve", () => token.approve(holderAddress, amount)));
      const raised = await readAllowance(token, owner, holderAddress);
      if (raised < amount) throw new AllowanceNotRaisedError(holder.token, holderAddress, amount, raised);
    }
  }
  const value = holder.token === undefined ? amount : 0n;
  const receipt = await sendContractTx(
    `${holder.token === undefined ? "AssetHolderETH" : "AssetHolderERC20"}.deposit`,
    () => contract.deposit(fundingID, amount, { ...request.overrides, value }),
  );
  return { approvals, deposit: receipt };
}

async function readAllowance(token: Erc20, owner: string, spender: string): Promise<bigint> {
  try {
    return await token.allowance(owner, spender);
  } catch (e) {
    throw toEvmError("ERC20.allowance", e);
  }
}

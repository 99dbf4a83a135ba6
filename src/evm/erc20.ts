/**
 * The three ERC-20 functions the client needs for deposits (allowance handling). The
 * repository's IERC20 binding declares only what the asset holder calls, so this small typed
 * view is written here; it is not part of the public API.
 */
import { Contract } from "ethers";
import type { ContractRunner, ContractTransactionResponse } from "ethers";

/** Typed view of an ERC-20 token. */
export interface Erc20 {
  allowance(owner: string, spender: string): Promise<bigint>;
  approve(spender: string, amount: bigint): Promise<ContractTransactionResponse>;
  balanceOf(owner: string): Promise<bigint>;
}

const ERC20_ABI = [
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
  "function balanceOf(address owner) view returns (uint256)",
];

/** `token` as an {@link Erc20}, sending with `runner`. */
export function erc20At(token: string, runner: ContractRunner): Erc20 {
  return new Contract(token, ERC20_ABI, runner) as unknown as Erc20;
}

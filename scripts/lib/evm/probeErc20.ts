/**
 * Checks that an address is an ERC-20 token before an AssetHolderERC20 is deployed for it: a
 * holder bound to the wrong address cannot be re-pointed, so the mistake would cost a
 * deployment. The probe is read-only (`eth_call`).
 *
 * Required: contract code, and `balanceOf(address)` and `totalSupply()` each returning one
 * 32-byte word (EIP-20 makes both mandatory). `decimals()` and `symbol()` are OPTIONAL in
 * EIP-20, so they are read for display and the deployment record but not required.
 */
import { Interface } from "ethers";
import type { Provider } from "ethers";
import type { Address } from "../../../src";
import { TokenNotContractError, TokenNotErc20Error } from "../scriptErrors";
import { shortReason } from "../shortReason";

/** What the probe learned about a token. */
export interface Erc20Info {
  address: Address;
  /** `symbol()` when the token has one that decodes as a string. */
  symbol?: string;
  /** `decimals()` when the token has it. */
  decimals?: number;
}

const ERC20 = new Interface([
  "function balanceOf(address) view returns (uint256)",
  "function totalSupply() view returns (uint256)",
  "function decimals() view returns (uint8)",
  "function symbol() view returns (string)",
]);

/** A probe address for `balanceOf` that any token accepts. */
const PROBE_ACCOUNT = "0x000000000000000000000000000000000000dEaD";

/**
 * Probes `token` on `provider`.
 * @throws TokenNotContractError when there is no code, TokenNotErc20Error when a mandatory
 * view reverts or returns something other than one word.
 */
export async function probeErc20(provider: Provider, token: Address, chainId: bigint): Promise<Erc20Info> {
  const code = await provider.getCode(token);
  if (code === "0x") throw new TokenNotContractError(token, chainId);

  await requireWord(provider, token, "balanceOf(address)", ERC20.encodeFunctionData("balanceOf", [PROBE_ACCOUNT]));
  await requireWord(provider, token, "totalSupply()", ERC20.encodeFunctionData("totalSupply", []));

  const info: Erc20Info = { address: token };
  const decimals = await tryCall(provider, token, ERC20.encodeFunctionData("decimals", []));
  if (decimals !== undefined && decimals.length === 66) {
    const value = BigInt(decimals);
    if (value <= 255n) info.decimals = Number(value);
  }
  const symbol = await tryCall(provider, token, ERC20.encodeFunctionData("symbol", []));
  if (symbol !== undefined) {
    try {
      info.symbol = ERC20.decodeFunctionResult("symbol", symbol)[0] as string;
    } catch {
      // Some tokens return bytes32 symbols; the symbol is cosmetic, so leave it out.
    }
  }
  return info;
}

async function requireWord(provider: Provider, token: Address, probe: string, data: string): Promise<void> {
  let result: string;
  try {
    result = await provider.call({ to: token, data });
  } catch (e) {
    throw new TokenNotErc20Error(token, probe, `reverted (${shortReason(e)})`);
  }
  // Exactly one ABI word: "0x" + 64 hex digits. Anything else is not a uint256 answer.
  if (result.length !== 66) {
    throw new TokenNotErc20Error(token, probe, `returned ${(result.length - 2) / 2} bytes instead of 32`);
  }
}

async function tryCall(provider: Provider, token: Address, data: string): Promise<string | undefined> {
  try {
    return await provider.call({ to: token, data });
  } catch {
    return undefined;
  }
}

/**
 * Reads the deploy script's environment variables and validates them before anything touches
 * the network. `hardhat run` passes no arguments to a script, so the environment is the input.
 *
 * - `ERC20_TOKENS`          comma-separated token addresses; one AssetHolderERC20 each (optional)
 * - `DEPLOYER_PRIVATE_KEY`  0x + 64 hex digits; optional where the node has unlocked accounts
 *                           (Hardhat in-process, `hardhat node`), required everywhere else
 * - `EVM_RPC_URL`           read by hardhat.config.ts for the `evm` and `localhost` networks
 * - `DEPLOYMENTS_DIR`       where `<network>-<chainId>.json` is written (default `deployments`)
 * - `DEPLOY_EXISTING_RECORD` `refuse` (default): an existing record stops the deploy before any
 *                           transaction; `keep`: it is kept beside the new one
 */
import { addressFromPrivateKey, normalizeAddress } from "../../../src";
import type { Address, Hex } from "../../../src";
import { DeployerKeyInvalidError, ExistingRecordPolicyInvalidError, TokenAddressInvalidError } from "../scriptErrors";
import type { ExistingRecordPolicy } from "./deploymentRecord";

/** Validated deploy inputs. */
export interface DeployEnv {
  /** Token addresses, lowercase, in the order given, no duplicates. */
  tokens: Address[];
  /** The deployer's key when DEPLOYER_PRIVATE_KEY is set, else undefined (use the node's account). */
  deployerKey?: Hex;
  /** Output directory of the deployment record. */
  deploymentsDir: string;
  /** What to do with an existing record of the same network and chain. */
  existingRecord: ExistingRecordPolicy;
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/** Parses and validates the deploy environment; throws a `ScriptError` naming the bad variable. */
export function readDeployEnv(env: Record<string, string | undefined>): DeployEnv {
  return {
    tokens: parseTokenList(env.ERC20_TOKENS ?? ""),
    deployerKey: parseDeployerKey(env.DEPLOYER_PRIVATE_KEY),
    deploymentsDir: env.DEPLOYMENTS_DIR?.trim() || "deployments",
    existingRecord: parseExistingRecordPolicy(env.DEPLOY_EXISTING_RECORD),
  };
}

/** DEPLOY_EXISTING_RECORD: unset or blank → "refuse". */
export function parseExistingRecordPolicy(value: string | undefined): ExistingRecordPolicy {
  const v = (value ?? "").trim();
  if (v === "" || v === "refuse") return "refuse";
  if (v === "keep") return "keep";
  throw new ExistingRecordPolicyInvalidError(v);
}

/** `0xA,0xB` → validated lowercase addresses. Empty entries (e.g. a trailing comma) are errors. */
export function parseTokenList(value: string): Address[] {
  if (value.trim() === "") return [];
  const seen = new Set<Address>();
  return value.split(",").map((raw) => {
    const entry = raw.trim();
    if (entry === "") throw new TokenAddressInvalidError(raw, "empty entry (stray comma?)");
    let address: Address;
    try {
      address = normalizeAddress(entry, "token");
    } catch (e) {
      throw new TokenAddressInvalidError(entry, (e as Error).message, e);
    }
    if (address === ZERO_ADDRESS) throw new TokenAddressInvalidError(entry, "the zero address");
    if (seen.has(address)) throw new TokenAddressInvalidError(entry, "listed twice");
    seen.add(address);
    return address;
  });
}

/** Validates DEPLOYER_PRIVATE_KEY (unset or blank → undefined). The key's value is never echoed. */
export function parseDeployerKey(value: string | undefined): Hex | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const key = value.trim();
  if (!/^0x/i.test(key)) throw new DeployerKeyInvalidError("missing 0x prefix");
  if (key.length !== 66) throw new DeployerKeyInvalidError(`${key.length - 2} hex digits instead of 64`);
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new DeployerKeyInvalidError("not hexadecimal");
  try {
    // Rejects 0 and values >= the curve order.
    addressFromPrivateKey(key as Hex);
  } catch (e) {
    throw new DeployerKeyInvalidError("not a valid secp256k1 scalar (zero or >= curve order)", e);
  }
  return key.toLowerCase() as Hex;
}

/**
 * Errors of the operator scripts (deploy, demo). They derive from the library's `PerunError`
 * so there is one error family in the project; the message says what is wrong and how to fix
 * it, `details` carries the offending values (never a private key).
 *
 * `refusedBeforeSending` tells the CLI whether the script stopped before it sent any
 * transaction (bad configuration, unreachable node, bad token, not enough funds) or failed
 * half-way (some contracts may already be deployed).
 */
import { formatEther, getAddress } from "ethers";
import { PerunError } from "../../src";

/** Base class of every error the scripts throw on purpose. */
export class ScriptError extends PerunError {
  /** True when no transaction was sent before the error. */
  readonly refusedBeforeSending: boolean = true;
}

/** DEPLOYER_PRIVATE_KEY is not set and the network offers no unlocked account to deploy from. */
export class DeployerKeyMissingError extends ScriptError {
  constructor(network: string) {
    super(`no deployer: network "${network}" has no unlocked accounts; set DEPLOYER_PRIVATE_KEY=0x<64 hex digits>`, {
      network,
    });
  }
}

/** DEPLOYER_PRIVATE_KEY is set but is not a secp256k1 private key. The key never appears in the error. */
export class DeployerKeyInvalidError extends ScriptError {
  constructor(reason: string, cause?: unknown) {
    super(`DEPLOYER_PRIVATE_KEY is malformed: ${reason}; expected 0x followed by 64 hex digits`, { reason }, cause);
  }
}

/** The selected network has no RPC URL configured. */
export class RpcUrlMissingError extends ScriptError {
  constructor(network: string) {
    super(`network "${network}" has no RPC URL; set EVM_RPC_URL=http(s)://host:port`, { network });
  }
}

/** The node did not answer `eth_chainId` (refused, timed out, or answered with an error). */
export class RpcUnreachableError extends ScriptError {
  constructor(network: string, url: string, reason: string, cause?: unknown) {
    super(
      `cannot reach the RPC of network "${network}" at ${url}: ${reason} (is the node running? check EVM_RPC_URL)`,
      { network, url, reason },
      cause,
    );
  }
}

/** An entry of ERC20_TOKENS is not a usable address. */
export class TokenAddressInvalidError extends ScriptError {
  constructor(value: string, reason: string, cause?: unknown) {
    super(`ERC20_TOKENS entry "${value}" is not a valid token address: ${reason}`, { value, reason }, cause);
  }
}

/** A token address has no contract code on the target network. */
export class TokenNotContractError extends ScriptError {
  constructor(token: string, chainId: bigint) {
    super(`token ${getAddress(token)} has no contract code on chain ${chainId} (wrong address or wrong network?)`, {
      token,
      chainId,
    });
  }
}

/** A token address holds a contract that does not answer the mandatory ERC-20 views. */
export class TokenNotErc20Error extends ScriptError {
  constructor(token: string, probe: string, reason: string) {
    super(`token ${getAddress(token)} is not an ERC-20: ${probe} ${reason}`, { token, probe, reason });
  }
}

/** The deployer's balance does not cover the estimated cost of the deployment. */
export class DeployerUnderfundedError extends ScriptError {
  constructor(deployer: string, balance: bigint, required: bigint) {
    super(
      `deployer ${deployer} holds ${formatEther(balance)} ETH but the deployment needs up to ${formatEther(required)} ETH ` +
        `(estimated gas × current max fee + 20%); fund it or use another DEPLOYER_PRIVATE_KEY`,
      {
        deployer,
        balance,
        required,
      },
    );
  }
}

/** DEPLOYMENTS_DIR cannot hold the record (not a folder, not creatable, not writable). */
export class DeploymentsDirUnwritableError extends ScriptError {
  constructor(dir: string, reason: string, cause?: unknown) {
    super(
      `cannot write the deployment record into "${dir}": ${reason}; set DEPLOYMENTS_DIR to a writable folder`,
      { dir, reason },
      cause,
    );
  }
}

/** A record for the same network and chain exists and would be overwritten. */
export class DeploymentRecordExistsError extends ScriptError {
  constructor(path: string) {
    super(
      `${path} exists; move it away, set DEPLOYMENTS_DIR elsewhere, or set DEPLOY_EXISTING_RECORD=keep to keep it beside the new record`,
      { path },
    );
  }
}

/** DEPLOY_EXISTING_RECORD has a value other than refuse or keep. */
export class ExistingRecordPolicyInvalidError extends ScriptError {
  constructor(value: string) {
    super(`DEPLOY_EXISTING_RECORD must be "refuse" (default) or "keep", got "${value}"`, { value });
  }
}

/** Gas estimation of a deployment failed before anything was sent (e.g. a constructor would revert). */
export class DeployEstimateError extends ScriptError {
  constructor(contract: string, reason: string, cause?: unknown) {
    super(`estimating the deployment of ${contract} failed: ${reason}`, { contract, reason }, cause);
  }
}

/** A deployment transaction failed or was not mined; earlier contracts may already exist. */
export class DeployTransactionError extends ScriptError {
  override readonly refusedBeforeSending = false;
  constructor(contract: string, reason: string, txHash?: string, cause?: unknown) {
    super(
      `deploying ${contract} failed: ${reason}${txHash ? ` (tx ${txHash})` : ""}`,
      { contract, reason, txHash },
      cause,
    );
  }
}

/** A deployed contract does not look as expected (no code, wrong adjudicator or token wired in). */
export class DeploymentVerificationError extends ScriptError {
  override readonly refusedBeforeSending = false;
  constructor(contract: string, what: string, expected: string, actual: string) {
    super(`${contract} at deployment check "${what}": expected ${expected}, got ${actual}`, {
      contract,
      what,
      expected,
      actual,
    });
  }
}

/** The demo needs a development network (time travel, funded accounts). */
export class DemoNetworkError extends ScriptError {
  constructor(network: string, reason: string) {
    super(`the demo cannot run on network "${network}": ${reason}`, { network, reason });
  }
}

/** A check of the demo failed: the chain did not do what the protocol promises. */
export class DemoCheckError extends ScriptError {
  override readonly refusedBeforeSending = false;
  constructor(what: string, expected: unknown, actual: unknown) {
    super(`check failed: ${what}: expected ${String(expected)}, got ${String(actual)}`, { what, expected, actual });
  }
}

/** A command-line option of `npm start` is unknown, missing its value or out of range. */
export class DemoOptionError extends ScriptError {
  constructor(message: string, option: string) {
    super(message, { option });
  }
}

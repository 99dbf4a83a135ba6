/**
 * The deployment record `scripts/deploy-evm.ts` writes (`deployments/<network>-<chainId>.json`):
 * everything a client, a watchtower or an auditor needs to find and trust a deployment — where
 * (chain ID), what (addresses and the compiler that built them), by whom, and from which block
 * to scan for events. `PerunEvmClient.fromDeployment` reads it.
 */

/** One deployed contract. */
export interface DeployedContract {
  /** EIP-55 checksummed address. */
  address: string;
  /** Hash of the deployment transaction. */
  txHash: string;
  /** Block that included it. */
  block: number;
  /** Gas used by the deployment. */
  gasUsed: number;
}

/** An asset holder, with the adjudicator it was bound to. */
export interface DeployedHolder extends DeployedContract {
  adjudicator: string;
}

/** An ERC-20 asset holder and what the token probe learned. */
export interface DeployedErc20Holder extends DeployedHolder {
  token: string;
  symbol?: string;
  decimals?: number;
}

/** The compiler that produced the deployed bytecode (from Hardhat's build info). */
export interface CompilerInfo {
  /** e.g. "0.8.30+commit.73712a01". */
  solc: string;
  optimizer?: { enabled?: boolean; runs?: number };
  evmVersion?: string;
}

/** Contents of a deployment record. */
export interface DeploymentRecord {
  network: string;
  chainId: number;
  deployer: string;
  compiler: CompilerInfo;
  /** First block of the deployment: event scanners can start here. */
  startBlock: number;
  /** Chain time of the last deployment block, ISO 8601. */
  deployedAt: string;
  contracts: {
    Adjudicator: DeployedContract;
    AssetHolderETH: DeployedHolder;
    AssetHolderERC20: DeployedErc20Holder[];
  };
  /** Sum of `gasUsed` over all deployment transactions. */
  totalGasUsed: number;
}

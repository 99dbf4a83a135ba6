import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP } from "../encoding/backends";
import type { Asset, State } from "../encoding/types";
import { PolicyAssetError } from "../errors/signingPolicyErrors";
import type { PolicyChain } from "./limits";
import type { AssetChains } from "./types";

const MAX_PRINCIPAL_BYTES = 29;
const ORDER: readonly PolicyChain[] = ["evm", "icp", "ckb"];

/**
 * Which chain pays each asset (DESIGN.md §2 "Assets across chains"), refusing every asset no
 * chain could pay: an unknown backend, a backend whose asset is not in its chain's form, or an
 * asset listed twice (each chain would pay it twice, or — as every chain does today — refuse
 * every state of the channel and freeze its deposits).
 *
 * Forms: EVM — `ethHolder` not zero, `ccHolder` empty or 32 zero bytes; ICP — `chainID` the
 * ICP backend ID, `ethHolder` zero, `ccHolder` a 1–29-byte ledger principal; CKB — `chainID` 3,
 * `ethHolder` zero, `ccHolder` empty (CKBytes, at most once) or a 32-byte UDT type hash.
 *
 * @throws PolicyAssetError with `rule` "backends-count", "unknown-backend", "asset-form" or "repeated-asset".
 */
export function assetChains(state: State): AssetChains {
  const { assets, backends } = state.outcome;
  if (backends.length !== assets.length) {
    throw new PolicyAssetError("not one backend per asset", {
      chain: "all",
      rule: "backends-count",
      assets: assets.length,
      backends: backends.length,
    });
  }
  const perAsset: PolicyChain[] = [];
  const seen = new Set<string>();
  assets.forEach((asset, index) => {
    const chain = chainOf(backends[index], index);
    checkForm(chain, asset, index);
    const key = `${chain}:${assetKey(chain, asset)}`;
    if (seen.has(key)) {
      throw new PolicyAssetError("an asset is listed twice", { chain, rule: "repeated-asset", index, key });
    }
    seen.add(key);
    perAsset.push(chain);
  });
  return { perAsset, chains: ORDER.filter((c) => perAsset.includes(c)) };
}

function chainOf(backend: bigint, index: number): PolicyChain {
  if (backend === BACKEND_ETH) return "evm";
  if (backend === BACKEND_ICP) return "icp";
  if (backend === BACKEND_CKB) return "ckb";
  throw new PolicyAssetError("no chain of this repository pays an asset of this backend", {
    chain: "all",
    rule: "unknown-backend",
    index,
    backend,
  });
}

function checkForm(chain: PolicyChain, asset: Asset, index: number): void {
  const holderZero = BigInt(asset.ethHolder) === 0n;
  const cc = (asset.ccHolder.length - 2) / 2;
  let ok: boolean;
  if (chain === "evm") ok = !holderZero && (cc === 0 || (cc === 32 && BigInt(asset.ccHolder) === 0n));
  else if (chain === "icp") ok = asset.chainID === BACKEND_ICP && holderZero && cc >= 1 && cc <= MAX_PRINCIPAL_BYTES;
  else ok = asset.chainID === BACKEND_CKB && holderZero && (cc === 0 || cc === 32);
  if (!ok) {
    throw new PolicyAssetError(`asset ${index} is not in the form its chain pays`, {
      chain,
      rule: "asset-form",
      index,
      chainID: asset.chainID,
      ethHolder: asset.ethHolder,
      ccHolder: asset.ccHolder,
    });
  }
}

/** The identity a chain pays an asset by: EVM (chain ID, holder), ICP the ledger, CKB the UDT type hash (or CKBytes). */
function assetKey(chain: PolicyChain, asset: Asset): string {
  if (chain === "evm") return `${asset.chainID}:${asset.ethHolder.toLowerCase()}`;
  return asset.ccHolder.toLowerCase();
}

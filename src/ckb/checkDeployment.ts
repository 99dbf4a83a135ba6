import type { CkbDeployment } from "./types";
import { CkbBuildError } from "./errors";

const HASH32 = /^0x[0-9a-fA-F]{64}$/;
const TX_HASH = HASH32;
const HASH_TYPES = ["data", "type", "data1", "data2"];

/**
 * Refuses a deployment whose script references cannot be real: every code hash 32 bytes of hex,
 * a known hash type, a cell dep with a 32-byte transaction hash. A 1-byte code hash would build
 * a channel cell no script can ever unlock (its funds frozen), so builders check before building.
 */
export function checkDeployment(d: CkbDeployment): void {
  for (const name of ["jsVm", "channelType", "channelLock"] as const) {
    const s = d?.[name];
    if (s === undefined || s === null) throw new CkbBuildError(`deployment.${name} is missing`, { script: name });
    if (typeof s.codeHash !== "string" || !HASH32.test(s.codeHash)) {
      throw new CkbBuildError(`deployment.${name}.codeHash must be 32 bytes of 0x-hex, got ${String(s.codeHash)}`, {
        script: name,
        codeHash: s.codeHash,
      });
    }
    if (!HASH_TYPES.includes(s.hashType)) {
      throw new CkbBuildError(
        `deployment.${name}.hashType must be one of ${HASH_TYPES.join(", ")}, got ${String(s.hashType)}`,
        {
          script: name,
          hashType: s.hashType,
        },
      );
    }
    const tx = s.cellDep?.outPoint?.txHash;
    if (typeof tx !== "string" || !TX_HASH.test(tx)) {
      throw new CkbBuildError(
        `deployment.${name}.cellDep.outPoint.txHash must be 32 bytes of 0x-hex, got ${String(tx)}`,
        {
          script: name,
        },
      );
    }
  }
}

import type { HashType } from "@ckb-lumos/base";
import { checkDeployment } from "./checkDeployment";
import { CkbDeploymentRecordError } from "./errors";
import type { CkbDeployment, DeployedScript } from "./types";

/** The JSON that `npm run deploy:ckb` writes to deployments/ckb-<network>.json. */
export interface CkbDeploymentRecord {
  network: string;
  scripts: Record<CkbRecordScriptName, { codeHash: string; hashType: string; capacity?: string; bytes?: number }>;
  /** Present once the deployment transaction was sent (absent in the unsigned plan). */
  txHash?: string;
  cellDeps?: Record<CkbRecordScriptName, { outPoint: { txHash: string; index: string }; depType: string }>;
}

/** Script names in the record, in the order of the deployment transaction's outputs. */
export type CkbRecordScriptName = "ckb-js-vm" | "channel-type" | "channel-lock";

const NAMES: [keyof CkbDeployment, CkbRecordScriptName][] = [
  ["jsVm", "ckb-js-vm"],
  ["channelType", "channel-type"],
  ["channelLock", "channel-lock"],
];

/**
 * The `CkbDeployment` the builders take, from the record `deploy:ckb` wrote (parsed JSON).
 * Refuses the unsigned plan (no cell deps yet), a record of another network than `expectNetwork`
 * and any malformed reference, with `CkbDeploymentRecordError`.
 */
export function ckbDeploymentFromRecord(record: unknown, expectNetwork?: string): CkbDeployment {
  const r = record as Partial<CkbDeploymentRecord> | null;
  if (typeof r !== "object" || r === null || typeof r.scripts !== "object" || r.scripts === null) {
    throw new CkbDeploymentRecordError(
      "not a CKB deployment record (no `scripts`): expected the JSON deploy:ckb writes",
    );
  }
  if (expectNetwork !== undefined && r.network !== expectNetwork) {
    throw new CkbDeploymentRecordError(`the record is of network "${String(r.network)}", not "${expectNetwork}"`, {
      network: r.network,
      expectNetwork,
    });
  }
  if (r.cellDeps === undefined) {
    throw new CkbDeploymentRecordError(
      "the record is deploy:ckb's unsigned plan (no transaction was sent, so there are no cell deps): deploy with CKB_RPC_URL and CKB_PRIVATE_KEY first",
      { network: r.network },
    );
  }
  const out = {} as Record<keyof CkbDeployment, DeployedScript>;
  for (const [key, name] of NAMES) {
    const s = r.scripts[name];
    const dep = r.cellDeps[name];
    if (s === undefined || dep === undefined) {
      throw new CkbDeploymentRecordError(`the record has no "${name}" script${s === undefined ? "" : " cell dep"}`, {
        script: name,
      });
    }
    out[key] = {
      codeHash: s.codeHash,
      hashType: s.hashType as HashType,
      cellDep: {
        outPoint: { txHash: dep.outPoint?.txHash, index: dep.outPoint?.index },
        depType: dep.depType as "code",
      },
    };
    if (
      dep.depType !== "code" ||
      typeof dep.outPoint?.index !== "string" ||
      !/^0x[0-9a-f]+$/.test(dep.outPoint.index)
    ) {
      throw new CkbDeploymentRecordError(
        `the "${name}" cell dep must be { outPoint: { txHash, index: 0x… }, depType: "code" }`,
        {
          script: name,
        },
      );
    }
  }
  try {
    checkDeployment(out);
  } catch (e) {
    throw new CkbDeploymentRecordError(`the record's scripts are malformed: ${(e as Error).message}`, {}, e);
  }
  return out;
}

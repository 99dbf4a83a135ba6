/**
 * Where the deployment record goes, checked before the first transaction, and writing it.
 *
 * Records are named `<network>-<chainId>.json`: the same network name can point at different
 * chains (`--network evm` with another EVM_RPC_URL), and a record must never be mistaken for
 * another chain's. An existing record is never overwritten silently: by default the deploy is
 * refused before anything is sent; with `DEPLOY_EXISTING_RECORD=keep` the old record is kept
 * beside the new one as `<network>-<chainId>.replaced-<time>.json`.
 *
 * The record's type lives in the package (`perun-adjudicators/evm`), since clients read it.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DeploymentRecord } from "../../../src/evm/deploymentRecord";
import { DeploymentRecordExistsError, DeploymentsDirUnwritableError } from "../scriptErrors";

export type {
  CompilerInfo,
  DeployedContract,
  DeployedErc20Holder,
  DeployedHolder,
  DeploymentRecord,
} from "../../../src/evm/deploymentRecord";

/** What to do when a record for the same network and chain exists. */
export type ExistingRecordPolicy = "refuse" | "keep";

/** Where a record will be written, decided before deploying. */
export interface RecordPlan {
  path: string;
  /** Where the existing record is moved (policy "keep" and a record exists). */
  keepOldAs?: string;
}

/** `<network>-<chainId>.json`. */
export function recordFileName(network: string, chainId: bigint | number): string {
  return `${network}-${chainId}.json`;
}

/**
 * Checks that the record can be written — the folder exists or can be created, is a folder,
 * and accepts a new file — and applies the existing-record policy. Throws a `ScriptError`
 * (refused before sending) otherwise. `now` names a kept record.
 */
export function planDeploymentRecord(
  dir: string,
  network: string,
  chainId: bigint,
  policy: ExistingRecordPolicy,
  now: Date = new Date(),
): RecordPlan {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DeploymentsDirUnwritableError(dir, (e as NodeJS.ErrnoException).code ?? (e as Error).message, e);
  }
  if (!statSync(dir).isDirectory()) throw new DeploymentsDirUnwritableError(dir, "not a directory");
  // Creating a file is the only reliable test (permission bits say nothing for root, ACLs, read-only mounts).
  const probe = join(dir, `.deploy-write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (e) {
    throw new DeploymentsDirUnwritableError(dir, (e as NodeJS.ErrnoException).code ?? (e as Error).message, e);
  }
  const path = join(dir, recordFileName(network, chainId));
  if (!existsSync(path)) return { path };
  if (policy === "refuse") throw new DeploymentRecordExistsError(path);
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const keepOldAs = join(dir, `${network}-${chainId}.replaced-${stamp}.json`);
  if (existsSync(keepOldAs)) throw new DeploymentRecordExistsError(keepOldAs);
  return { path, keepOldAs };
}

/** Writes the record as planned (moving an existing one aside first) and returns its path. */
export function writeDeploymentRecord(plan: RecordPlan, record: DeploymentRecord): string {
  if (plan.keepOldAs && existsSync(plan.path)) renameSync(plan.path, plan.keepOldAs);
  const staged = `${plan.path}.partial`;
  writeFileSync(staged, `${JSON.stringify(record, null, 2)}\n`, { flag: "w" });
  renameSync(staged, plan.path);
  return plan.path;
}

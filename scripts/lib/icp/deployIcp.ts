import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { buildCanister, commitDid, COMMITTED_DID_PATH, ROOT, CANISTER_NAME } from "./buildCanister";

/** Why a deployment was not attempted; the CLI prints it and exits 2. */
export class DeployRefused extends Error {}

export interface IcpDeployEnv {
  /** dfx network name: "local" (default) or "ic", or any network in dfx.json. */
  network: string;
  /** Replica URL for the reachability check (default http://127.0.0.1:4943 for local, https://icp-api.io for ic). */
  url: string;
  /** ICRC ledgers (principal text) the controller lists after installing (`ICP_LEDGERS`, comma-separated). */
  ledgers: string[];
}

export function readIcpDeployEnv(env: NodeJS.ProcessEnv): IcpDeployEnv {
  const network = env.ICP_NETWORK ?? "local";
  const url = env.ICP_URL ?? (network === "ic" ? "https://icp-api.io" : "http://127.0.0.1:4943");
  const ledgers = (env.ICP_LEDGERS ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
  return { network, url, ledgers };
}

/** The first executable named `name` on PATH, if any. */
export function onPath(name: string, pathVar = process.env.PATH ?? ""): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return undefined;
}

/** True when the replica answers its status endpoint. */
export async function networkReachable(url: string, timeoutMs = 3000): Promise<boolean> {
  try {
    const r = await fetch(`${url.replace(/\/$/, "")}/api/v2/status`, { signal: AbortSignal.timeout(timeoutMs) });
    return r.status < 500;
  } catch {
    return false;
  }
}

export interface IcpDeploymentRecord {
  network: string;
  url: string;
  canisterId: string;
  wasm: { path: string; bytes: number };
  candid: string;
  deployedAt: string;
  tool: string;
}

/**
 * Builds the canister (always, so the wasm and the .did exist even when nothing can be
 * deployed), then deploys it with dfx to `env.network` and writes
 * deployments/icp-<network>.json. Refuses with {@link DeployRefused} — before touching any
 * network — when dfx is not on PATH or the replica does not answer.
 */
export async function deployIcp(
  env: IcpDeployEnv,
  log: (line: string) => void,
  pathVar = process.env.PATH ?? "",
): Promise<IcpDeploymentRecord> {
  log("building the canister (azle)…");
  const built = buildCanister({ log });
  commitDid();
  log(`wasm  ${built.wasmPath} (${statSync(built.wasmPath).size} bytes)`);
  log(`candid ${COMMITTED_DID_PATH}`);
  const dfx = onPath("dfx", pathVar);
  if (!dfx) {
    const icp = onPath("icp", pathVar);
    throw new DeployRefused(
      `no dfx on PATH${icp ? ` (icp-cli found at ${icp}, but this script deploys with dfx only)` : ""}: nothing was deployed. ` +
        `The wasm and the .did above are ready: install dfx, start a replica (dfx start --background) or set ICP_NETWORK=ic, and run again.`,
    );
  }
  log(`checking ${env.url} …`);
  if (!(await networkReachable(env.url))) {
    throw new DeployRefused(
      `the ${env.network} network at ${env.url} does not answer: nothing was deployed. Start it (dfx start --background) or set ICP_URL/ICP_NETWORK.`,
    );
  }
  const run = (args: string[]) =>
    execFileSync(dfx, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const net = ["--network", env.network];
  const exists = spawnSync(dfx, ["canister", "id", CANISTER_NAME, ...net], { cwd: ROOT, stdio: "ignore" }).status === 0;
  if (!exists) {
    log(`dfx canister create ${CANISTER_NAME} --network ${env.network}`);
    run(["canister", "create", CANISTER_NAME, ...net]);
  }
  // Stop, install, start: an upgrade does not wait for outstanding calls, whose callbacks would
  // then run against the new code and lose a withdrawal's debit. A stopping canister takes no
  // new calls and is stopped once every outstanding ledger call has been answered. (The canister
  // also refuses, in pre_upgrade, an upgrade while ledger calls are outstanding.)
  log(`dfx canister stop ${CANISTER_NAME} (waits for outstanding ledger calls)`);
  run(["canister", "stop", CANISTER_NAME, ...net]);
  const mode = exists ? "upgrade" : "install";
  log(`dfx canister install ${CANISTER_NAME} --mode ${mode} --wasm ${built.wasmPath}`);
  run(["canister", "install", CANISTER_NAME, ...net, "--mode", mode, "--yes", "--wasm", built.wasmPath]);
  log(`dfx canister start ${CANISTER_NAME}`);
  run(["canister", "start", CANISTER_NAME, ...net]);
  for (const ledger of env.ledgers) {
    log(`listing ledger ${ledger} (setLedgerAllowed, as the controller)`);
    const out = run(["canister", "call", CANISTER_NAME, "setLedgerAllowed", `(principal "${ledger}", true)`, ...net]);
    if (!/Ok/.test(out)) throw new Error(`setLedgerAllowed(${ledger}) answered ${out.trim()}`);
  }
  const canisterId = run(["canister", "id", CANISTER_NAME, "--network", env.network]).trim();
  const record: IcpDeploymentRecord = {
    network: env.network,
    url: env.url,
    canisterId,
    wasm: { path: built.wasmPath, bytes: statSync(built.wasmPath).size },
    candid: COMMITTED_DID_PATH,
    deployedAt: new Date().toISOString(),
    tool: "dfx",
  };
  mkdirSync(join(ROOT, "deployments"), { recursive: true });
  writeFileSync(join(ROOT, "deployments", `icp-${env.network}.json`), `${JSON.stringify(record, null, 2)}\n`);
  log(`deployed ${CANISTER_NAME} as ${canisterId}; record in deployments/icp-${env.network}.json`);
  return record;
}

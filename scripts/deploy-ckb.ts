/**
 * Deploys the CKB script cells (ckb-js-vm, the channel-type QuickJS bytecode, channel-lock)
 * as three outputs of one transaction owned by the deployer's secp256k1-blake160 lock.
 *
 *   npm run deploy:ckb                                  # no RPC: writes the unsigned plan
 *   CKB_RPC_URL=http://127.0.0.1:8114 CKB_PRIVATE_KEY=0x… [CKB_NETWORK=testnet|mainnet|devnet] \
 *     [CKB_INDEXER_URL=…] npm run deploy:ckb
 *
 * Output file: CKB_DEPLOY_OUT (default deployments/ckb-<network>.json) with code hashes,
 * hash types, capacities and — with an RPC — the transaction hash and out-points (cell deps).
 * Exit status: 0 done, 2 refused before sending (bad input), 1 failed after contacting the node.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Script } from "@ckb-lumos/base";
import { commons, config, hd, helpers, Indexer, RPC } from "@ckb-lumos/lumos";
import { scriptCellPlans } from "./lib/ckb/deployment";

class Refused extends Error {}

/** The innermost cause's message (fetch wraps ECONNREFUSED as "fetch failed"). */
function innermostMessage(e: unknown): string {
  let m = e instanceof Error ? e.message : String(e);
  for (let c = (e as { cause?: unknown })?.cause; c instanceof Error; c = (c as { cause?: unknown }).cause) {
    m = `${m}: ${(c as { code?: string }).code ?? c.message}`;
  }
  return m.split("\n")[0];
}

/** Refuses (exit 2) before anything is collected or sent when the node does not answer. */
async function assertCkbNodeReachable(rpc: RPC, url: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const tip = await Promise.race([
      rpc.getTipBlockNumber(),
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error("no answer within 10 s")), 10_000);
      }),
    ]);
    log(`node at ${url} answers, tip block ${BigInt(tip)}`);
  } catch (e) {
    throw new Refused(
      `cannot reach the CKB node at ${url}: ${innermostMessage(e)} (is the node running? check CKB_RPC_URL)`,
    );
  } finally {
    clearTimeout(timer);
  }
}

const log = (line: string): void => console.log(`deploy-ckb: ${line}`);

function readInput(env: NodeJS.ProcessEnv) {
  const url = env.CKB_RPC_URL?.trim() || undefined;
  const network = (env.CKB_NETWORK ?? "testnet").trim();
  if (!["testnet", "mainnet", "devnet"].includes(network))
    throw new Refused(`CKB_NETWORK must be testnet, mainnet or devnet, got "${network}"`);
  if (url !== undefined) {
    try {
      const u = new URL(url);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error();
    } catch {
      throw new Refused(`CKB_RPC_URL is not an http(s) URL: "${url}"`);
    }
    const key = env.CKB_PRIVATE_KEY?.trim();
    if (key === undefined || !/^0x[0-9a-fA-F]{64}$/.test(key))
      throw new Refused("CKB_PRIVATE_KEY must be 0x + 64 hex digits when CKB_RPC_URL is set");
    return {
      url,
      key,
      network,
      out: env.CKB_DEPLOY_OUT ?? `deployments/ckb-${network}.json`,
      indexer: env.CKB_INDEXER_URL?.trim() || url,
    };
  }
  return {
    url,
    key: undefined,
    network,
    out: env.CKB_DEPLOY_OUT ?? "deployments/ckb-unsigned.json",
    indexer: undefined,
  };
}

async function main(): Promise<void> {
  const input = readInput(process.env);
  const lumosConfig = input.network === "mainnet" ? config.predefined.LINA : config.predefined.AGGRON4;
  config.initializeConfig(lumosConfig);
  const secp = lumosConfig.SCRIPTS.SECP256K1_BLAKE160!;
  const owner: Script = input.key
    ? { codeHash: secp.CODE_HASH, hashType: secp.HASH_TYPE, args: hd.key.privateKeyToBlake160(input.key) }
    : { codeHash: secp.CODE_HASH, hashType: secp.HASH_TYPE, args: "0x" + "00".repeat(20) };
  const plans = scriptCellPlans(owner);
  for (const p of plans)
    log(
      `${p.name.padEnd(12)} ${p.data.length} B, code hash ${p.codeHash} (${p.hashType}), ${p.capacity / 100_000_000n} CKB`,
    );
  const total = plans.reduce((s, p) => s + p.capacity, 0n);
  const record: Record<string, unknown> = {
    network: input.network,
    scripts: Object.fromEntries(
      plans.map((p) => [
        p.name,
        { codeHash: p.codeHash, hashType: p.hashType, capacity: p.capacity.toString(), bytes: p.data.length },
      ]),
    ),
  };
  if (input.url === undefined) {
    record.unsignedTransaction = {
      note:
        "outputs only: replace the placeholder lock args 0x" +
        "00".repeat(20) +
        " with the owner's blake160 (the script cells belong to whoever that lock names), add inputs of the owner covering the capacity + fee, then sign (secp256k1-blake160) and send",
      outputs: plans.map((p) => ({ capacity: "0x" + p.capacity.toString(16), lock: owner, type: null })),
      outputsData: plans.map((p) => "0x" + Buffer.from(p.data).toString("hex")),
      requiredCapacity: total.toString(),
    };
    mkdirSync(dirname(input.out), { recursive: true });
    writeFileSync(input.out, JSON.stringify(record, null, 2) + "\n");
    log(
      `no CKB_RPC_URL: nothing sent; wrote the unsigned deployment transaction and the script hashes to ${input.out}`,
    );
    log(
      `the plan's outputs carry the placeholder owner lock args 0x${"00".repeat(20)}: replace them with your lock's args before signing`,
    );
    return;
  }
  log(`connecting to ${input.url} (${input.network})`);
  const rpc = new RPC(input.url);
  await assertCkbNodeReachable(rpc, input.url);
  const indexer = new Indexer(input.indexer!, input.url);
  const from = helpers.encodeToAddress(owner);
  let skel = helpers.TransactionSkeleton({ cellProvider: indexer });
  skel = skel.update("outputs", (l) =>
    l.push(
      ...plans.map((p) => ({
        cellOutput: { capacity: "0x" + p.capacity.toString(16), lock: owner },
        data: "0x" + Buffer.from(p.data).toString("hex"),
      })),
    ),
  );
  log(`collecting ${total / 100_000_000n} CKB + fee from ${from}`);
  skel = await commons.common.injectCapacity(skel, [from], total, from);
  skel = await commons.common.payFeeByFeeRate(skel, [from], 1000);
  skel = commons.common.prepareSigningEntries(skel);
  const sigs = skel
    .get("signingEntries")
    .toArray()
    .map((e) => hd.key.signRecoverable(e.message, input.key!));
  const tx = helpers.sealTransaction(skel, sigs);
  const hash = await rpc.sendTransaction(tx, "passthrough");
  log(`sent ${hash}`);
  record.txHash = hash;
  record.cellDeps = Object.fromEntries(
    plans.map((p, i) => [p.name, { outPoint: { txHash: hash, index: "0x" + i.toString(16) }, depType: "code" }]),
  );
  mkdirSync(dirname(input.out), { recursive: true });
  writeFileSync(input.out, JSON.stringify(record, null, 2) + "\n");
  log(`deployment record written to ${input.out}`);
}

main().catch((e: unknown) => {
  if (e instanceof Refused) {
    console.error(`deploy-ckb: refused: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error("deploy-ckb: FAILED:", e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
});

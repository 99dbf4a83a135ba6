import { utils } from "@ckb-lumos/base";
import { buildSync } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Bundles the channel type script (ckb-scripts/channel-type, importing src/encoding's strict
 * decoder and signature policy) into the single ES module ckb-js-vm runs:
 * `esbuild --bundle --platform=neutral --format=esm --minify`, the VM's built-in
 * "@ckb-js-std/bindings" left external. Deterministic: same sources, same bytes.
 */
export const CKB_SCRIPTS_DIR = join(__dirname, "..", "..", "ckb-scripts");

export function bundleChannelType(options: { minify?: boolean; trace?: boolean } = {}): Uint8Array {
  const result = buildSync({
    entryPoints: [join(CKB_SCRIPTS_DIR, "channel-type", "index.ts")],
    bundle: true,
    platform: "neutral",
    format: "esm",
    target: "es2022",
    minify: options.minify ?? true,
    external: ["@ckb-js-std/bindings"],
    define: {
      __CKB_TRACE__: options.trace ? "true" : "false",
      // The deployed channel-lock, fixed in the bytecode: the type script refuses args naming any
      // other lock code (a channel cell or funds under an always-success "channel lock").
      __CHANNEL_LOCK_CODE_HASH__: JSON.stringify(utils.ckbHash(channelLockBinary())),
    },
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0].contents;
}

/** The committed channel-lock RISC-V binary (ckb-scripts/channel-lock/build.sh). */
export function channelLockBinary(): Uint8Array {
  return new Uint8Array(readFileSync(join(CKB_SCRIPTS_DIR, "channel-lock", "channel-lock")));
}

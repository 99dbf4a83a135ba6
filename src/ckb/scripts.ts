import type { OutPoint, Script } from "@ckb-lumos/base";
import { blockchain, utils } from "@ckb-lumos/base";
import { bytes } from "@ckb-lumos/codec";
import { ChannelTypeArgs } from "./generated/perun";
import { keccak256 } from "../index";
import type { CkbDeployment } from "./types";

const HASH_TYPE_BYTE: Record<string, number> = { data: 0, type: 1, data1: 2, data2: 4 };

/**
 * The channel type script of channel `channelId`: ckb-js-vm running the channel-type
 * bundle, with args `0x0000 ‖ bundle code hash ‖ hash type ‖ ChannelTypeArgs`.
 */
export function channelTypeScript(d: CkbDeployment, channelId: string): Script {
  const own = ChannelTypeArgs.pack({
    channel_id: channelId,
    lock_code_hash: d.channelLock.codeHash,
    lock_hash_type: bytes.hexify([HASH_TYPE_BYTE[d.channelLock.hashType]]),
  });
  const prefix = bytes.concat("0x0000", d.channelType.codeHash, [HASH_TYPE_BYTE[d.channelType.hashType]]);
  return { codeHash: d.jsVm.codeHash, hashType: d.jsVm.hashType, args: bytes.hexify(bytes.concat(prefix, own)) };
}

/** channel-lock guarding the channel cell and every funds cell of the channel typed `type`. */
export function channelLockScript(d: CkbDeployment, type: Script): Script {
  return { codeHash: d.channelLock.codeHash, hashType: d.channelLock.hashType, args: utils.computeScriptHash(type) };
}

/**
 * The params nonce that binds a channel's identity to the out-point `op` (which the open
 * transaction must spend as its first input): keccak256(molecule OutPoint) as uint256.
 */
export function channelNonce(op: OutPoint): bigint {
  return BigInt(bytes.hexify(keccak256(blockchain.OutPoint.pack(op))));
}

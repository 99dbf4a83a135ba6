import type { Address, Hex } from "./types";
import { keccak256 } from "./internal/crypto";
import { bytesToHex } from "./internal/hex";
import { writeAddress, writeBytes32 } from "./internal/words";

/**
 * `fundingID = keccak256(abi.encode(bytes32 channelID, address ethAddress))`: the key under
 * which an asset holder books one participant's deposit in one channel. Both arguments are
 * static, so the encoding is exactly two words with no offset.
 */
export function fundingId(channelID: Hex, ethAddress: Address): Hex {
  const out = new Uint8Array(64);
  writeBytes32(out, 0, channelID, "channelID");
  writeAddress(out, 32, ethAddress, "ethAddress");
  return bytesToHex(keccak256(out));
}

import type { Address, Hex } from "./types";
import { keccak256, secp256k1 } from "./internal/crypto";
import { bytesToHex } from "./internal/hex";
import { parsePrivateKey } from "./internal/privateKey";

/** Ethereum address (lowercase) of a secp256k1 private key: last 20 bytes of keccak(pubkey). */
export function addressFromPrivateKey(privateKey: Hex | Uint8Array): Address {
  const publicKey = secp256k1.getPublicKey(parsePrivateKey(privateKey), false);
  return bytesToHex(keccak256(publicKey.subarray(1)), 12, 32);
}

import { keccak_256 } from "@noble/hashes/sha3.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";

/**
 * The only two cryptographic primitives the library uses, behind one module so that every
 * hash and every curve operation in src/encoding goes through the same audited,
 * platform-neutral code (@noble runs unchanged in Node, Azle and ckb-js-vm).
 */
export const keccak256: (data: Uint8Array) => Uint8Array = keccak_256;
export { secp256k1 };

/** secp256k1 group order n. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
/** n/2 rounded down: the largest accepted (low) s. */
export const SECP256K1_HALF_N = SECP256K1_N >> 1n;

import { EXIT } from "../../src/ckb/exitCodes";
import { ethSignedDigestWith, verifySignatureWith } from "../../src/encoding/verifySignatureWith";
import { NATIVE_CRYPTO, keccak256 } from "../common/chain";
import { fixVec } from "../common/molecule";
import { mark } from "../common/trace";
import { type Channel, fail } from "./context";

/**
 * Every participant signed `stateBytes` (already accepted by the strict decoder, so its
 * keccak256 IS the state hash): molecule `Signatures` in params order, one per participant,
 * each accepted by src/encoding's signature policy with the VM's native crypto. Fails with
 * SIG_BASE + the violated rule.
 */
export function checkSignatures(channel: Channel, stateBytes: Uint8Array, sigsField: Uint8Array): void {
  const sigs = fixVec(sigsField, 65);
  if (sigs === null) fail(EXIT.MALFORMED_WITNESS);
  if (sigs.n !== channel.n) fail(EXIT.SIGNATURE_COUNT);
  mark("checks");
  const digest = ethSignedDigestWith(NATIVE_CRYPTO, keccak256(stateBytes));
  for (let i = 0; i < channel.n; i++) {
    const rule = verifySignatureWith(NATIVE_CRYPTO, digest, sigs.items, 65 * i, channel.eth[i], 0);
    if (rule !== 0) fail(EXIT.SIG_BASE + rule);
  }
  mark("signatures");
}

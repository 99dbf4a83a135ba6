import { recoverDigestSigner } from "../../../../src/encoding/signaturePolicy";
import { hexToBytes } from "../../../../src/encoding/internal/hex";
import { SignatureError } from "../../../../src/errors/signatureErrors";
import { Refusal } from "./errors";
import { bytesEqual } from "./bytes";
import { ethDigestOfHash } from "./ethDigest";
import type { CheckedState } from "./checkSignedState";

/**
 * Exactly one signature per participant, in participant order, each accepted by the shared
 * policy (src/encoding/signaturePolicy.ts) and recovering to that participant. So a state
 * signed by only some participants, or by one party holding several keys but putting them in
 * the honest participant's slot, is refused: the honest participant's own signature is
 * needed for every state that counts.
 */
export function verifyStateSignatures(checked: CheckedState, signatures: Uint8Array[]): void {
  const n = checked.participants.length;
  if (signatures.length !== n) throw new Refusal({ SignatureCount: { expected: n, given: signatures.length } });
  const digest = ethDigestOfHash(checked.stateHash);
  for (let i = 0; i < n; i++) {
    let recovered: Uint8Array;
    try {
      recovered = hexToBytes(recoverDigestSigner(digest, signatures[i]), "recovered");
    } catch (e) {
      if (e instanceof SignatureError)
        throw new Refusal({ BadSignature: { index: i, rule: e.name, message: e.message } });
      throw e;
    }
    const expected = checked.participants[i];
    if (!bytesEqual(recovered, expected)) throw new Refusal({ WrongSigner: { index: i, expected, recovered } });
  }
}

import { EncodingError } from "../../../../src/errors/encodingErrors";
import { Refusal } from "./errors";
import { MAX_PRINCIPAL_BYTES } from "./bytes";

/** Runs a library encoder; a value it rejects becomes `InvalidEncoding` naming the field. */
export function encodingOrRefuse<T>(encode: () => T): T {
  try {
    return encode();
  } catch (e) {
    if (e instanceof EncodingError) {
      throw new Refusal({ InvalidEncoding: { field: String(e.details.field ?? ""), message: e.message } });
    }
    throw e;
  }
}

export function requirePrincipal(bytes: Uint8Array, field: string): void {
  if (bytes.length > MAX_PRINCIPAL_BYTES) throw new Refusal({ InvalidPrincipal: { field, length: bytes.length } });
}

export function requireLength(bytes: Uint8Array, length: number, field: string): void {
  if (bytes.length !== length) {
    throw new Refusal({
      InvalidEncoding: { field, message: `${field}: expected ${length} bytes, got ${bytes.length}` },
    });
  }
}

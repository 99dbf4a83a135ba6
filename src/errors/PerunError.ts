/**
 * Base class of every error the library throws on purpose.
 *
 * Callers (clients, the ICP canister, the CKB scripts, tests) can tell "the input was
 * rejected by a rule of the shared encoding" apart from bugs with one `instanceof
 * PerunError`, and then branch on the concrete subclass. `details` carries the offending
 * values so that a rejection can be diagnosed without re-running anything; `cause` keeps
 * the lower-level error (e.g. from @noble) when there is one.
 */
export class PerunError extends Error {
  /** Offending values and context, safe to log (never contains private keys). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    // Subclasses keep their own name so logs and test failures say which rule fired.
    this.name = new.target.name;
    this.details = Object.freeze({ ...details });
    // ES2022 targets keep the prototype chain for subclasses of Error; this guards
    // bundlers that down-level classes (Azle, esbuild for ckb-js-vm).
    Object.setPrototypeOf(this, new.target.prototype);
    // Engines without ES2022 error causes (older QuickJS builds) ignore the option above.
    if (cause !== undefined && (this as { cause?: unknown }).cause === undefined) {
      Object.defineProperty(this, "cause", { value: cause, writable: true, configurable: true });
    }
  }

  /**
   * JSON form for logs and RPC error payloads. Details often hold bigints (offending
   * integers), which plain JSON.stringify cannot serialise; they become decimal strings.
   */
  toJSON(): { name: string; message: string; details: Record<string, unknown> } {
    const details: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.details)) details[k] = typeof v === "bigint" ? v.toString() : v;
    return { name: this.name, message: this.message, details };
  }
}

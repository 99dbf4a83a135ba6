/**
 * Brand shared by every copy of the library loaded into one process: the ES build, the CommonJS
 * build, a second install, a bundle. `Symbol.for` returns the same symbol in all of them, so an
 * error thrown by one copy is `instanceof` the classes of every other (see `Symbol.hasInstance`).
 */
const PERUN_ERROR_BRAND: unique symbol = /* @__PURE__ */ Symbol.for("perun-adjudicators/PerunError");

/**
 * "Name<Parent<…<PerunError" from `ctor` up to the class that carries the brand, or "" when
 * `ctor` is not a branded error class. (Kept small: the CKB channel script bundles this file.)
 */
function lineage(ctor: unknown): string {
  let names = "";
  for (let c = ctor as { name?: string } | null; typeof c === "function"; c = Object.getPrototypeOf(c)) {
    names += `<${c.name}`;
    if (Object.prototype.hasOwnProperty.call(c, PERUN_ERROR_BRAND)) return names;
  }
  return "";
}

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
  /**
   * Marks this class as the root of the hierarchy; every copy of the library sets the same key.
   * A getter, not a static field, so that defining the class has no side effect (tree-shaking).
   */
  static get [PERUN_ERROR_BRAND](): true {
    return true;
  }

  /**
   * `e instanceof X` holds for an error of any copy of the library whose class lineage up to
   * `PerunError` has the same names as X's (e.g. `ContractRevertError → EvmClientError →
   * PerunError`), so the ES and CommonJS builds loaded side by side share one hierarchy.
   * Same-copy checks take the ordinary prototype path first.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const wanted = lineage(this);
    for (let p = value; wanted !== "" && typeof p === "object" && p !== null;) {
      p = Object.getPrototypeOf(p);
      if (lineage((p as { constructor?: unknown } | null)?.constructor) === wanted) return true;
    }
    return false;
  }

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

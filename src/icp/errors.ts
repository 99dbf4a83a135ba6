/**
 * Errors of the ICP client. All derive from the library's `PerunError` (one error family).
 *
 * - `IcpClientInputError`: the client refused a request before any call (a malformed channel or
 *   funding ID, a negative or non-bigint amount, a bad principal or subaccount, a bad option).
 * - `IcpAgentError`: the agent or the replica failed the call (unreachable host, a reject, a root
 *   key that could not be fetched); the message carries the agent's reason, `cause` its error.
 *
 * The canister's own refusals are not thrown: they are the `{ Err }` variant of each result.
 */
import { PerunError } from "../index";

/** Base class of every error the ICP client throws on purpose. */
export class IcpClientError extends PerunError {}

/** The client refused a request before calling the canister. */
export class IcpClientInputError extends IcpClientError {
  constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(message, details, cause);
  }
}

/** The agent or the replica failed `action` (e.g. "holdings", "fetch root key"). */
export class IcpAgentError extends IcpClientError {
  readonly action: string;
  constructor(action: string, reason: string, cause?: unknown) {
    super(`ICP ${action} failed: ${reason}`, { action, reason }, cause);
    this.action = action;
  }
}

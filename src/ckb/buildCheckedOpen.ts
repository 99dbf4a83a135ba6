import { checkSigningPolicy } from "../index";
import { buildOpen } from "./buildOpen";

/**
 * {@link buildOpen} after the signing policy accepted the params and the initial state (no
 * previous state: version 0, not final on CKB). On CKB the deposits follow the open, into the
 * channel cell the open created, so this is where a channel that some chain holding its assets
 * could never settle — a lock, an app, a repeated asset, too many participants, a shared payout
 * lock — is stopped before anyone funds it.
 *
 * @throws SigningPolicyError subclasses (the policy refused), then whatever buildOpen throws.
 */
export function buildCheckedOpen(args: Parameters<typeof buildOpen>[0]): ReturnType<typeof buildOpen> {
  checkSigningPolicy(args.params, args.initialState);
  return buildOpen(args);
}

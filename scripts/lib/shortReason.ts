/**
 * The most useful one-line description of an error thrown by ethers or Hardhat: ethers' short
 * message (without the long JSON dump) when there is one, else the message.
 */
export function shortReason(e: unknown): string {
  const err = e as { shortMessage?: unknown; message?: unknown };
  if (typeof err?.shortMessage === "string") return err.shortMessage;
  if (typeof err?.message === "string") return err.message.split("\n")[0];
  return String(e);
}

/**
 * Asks the node for its chain ID before anything else, so an unreachable or misconfigured RPC
 * fails in seconds with one clear message instead of deep inside a deployment.
 */
import type { EIP1193Provider } from "hardhat/types";
import { RpcUnreachableError } from "../scriptErrors";
import { shortReason } from "../shortReason";

/** Default time to wait for `eth_chainId`. */
export const RPC_TIMEOUT_MS = 10_000;

/**
 * Resolves with the chain ID, or throws `RpcUnreachableError` when the node refuses the
 * connection, answers with an error or a non-hex value, or stays silent for `timeoutMs`.
 */
export async function assertRpcReachable(
  provider: EIP1193Provider,
  network: string,
  url: string,
  timeoutMs = RPC_TIMEOUT_MS,
): Promise<bigint> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RpcUnreachableError(network, url, `no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    // A pending timer must not keep a finished script alive.
    timer.unref();
  });
  try {
    const answer = await Promise.race([provider.request({ method: "eth_chainId" }), timeout]);
    if (typeof answer !== "string" || !/^0x[0-9a-fA-F]+$/.test(answer)) {
      throw new RpcUnreachableError(network, url, `eth_chainId returned ${JSON.stringify(answer)}`);
    }
    return BigInt(answer);
  } catch (e) {
    if (e instanceof RpcUnreachableError) throw e;
    throw new RpcUnreachableError(network, url, shortReason(e), e);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The custom errors of the three deployed contracts (Adjudicator, AssetHolderETH,
 * AssetHolderERC20), as types derived from their ABIs and as one decoder for revert data.
 * Regenerating typechain/ (new or changed errors) updates both; nothing is listed by hand.
 */
import { Interface } from "ethers";
import type { ErrorDescription } from "ethers";
import { ADJUDICATOR_ABI, ASSET_HOLDER_ERC20_ABI, ASSET_HOLDER_ETH_ABI } from "./abis";

/** The contracts whose errors the client decodes. */
export type PerunContractName = "Adjudicator" | "AssetHolderETH" | "AssetHolderERC20";

type AbiItem =
  (typeof ADJUDICATOR_ABI)[number] | (typeof ASSET_HOLDER_ETH_ABI)[number] | (typeof ASSET_HOLDER_ERC20_ABI)[number];
type ErrorItem = Extract<AbiItem, { readonly type: "error" }>;

/** Name of any custom error of the three contracts, e.g. `"DisputeStaleVersion"`. */
export type PerunContractErrorName = ErrorItem["name"];

/** Solidity's built-in reverts: `Error(string)` (require with a message) and `Panic(uint256)`. */
export type BuiltinRevertName = "Error" | "Panic";

/** Every name a decoded revert can carry. */
export type RevertName = PerunContractErrorName | BuiltinRevertName;

/** TypeScript type of a decoded Solidity value (ethers' decoding). */
type SolidityValue<T extends string> = T extends `uint${string}` | `int${string}`
  ? bigint
  : T extends "bool"
    ? boolean
    : T extends "address" | "string" | `bytes${string}`
      ? string
      : unknown;

type ArgsOf<E> = E extends { readonly inputs: readonly (infer I)[] }
  ? {
      readonly [P in I as P extends { readonly name: infer N extends string } ? N : never]: P extends {
        readonly type: infer T extends string;
      }
        ? SolidityValue<T>
        : unknown;
    }
  : never;

/**
 * Named arguments of error `N`, e.g. `RevertArgs<"DisputeStaleVersion">` is
 * `{ channelID: string; registered: bigint; given: bigint }`.
 */
export type RevertArgs<N extends RevertName> = N extends "Error"
  ? { readonly message: string }
  : N extends "Panic"
    ? { readonly code: bigint }
    : ArgsOf<Extract<ErrorItem, { readonly name: N }>>;

/** A decoded revert. */
export interface DecodedRevert<N extends RevertName = RevertName> {
  name: N;
  /** Arguments by name (Error: `message`, Panic: `code`). */
  args: RevertArgs<N>;
  /** Arguments in declaration order. */
  argList: readonly unknown[];
  /** `Name(type,…)`. */
  signature: string;
  /** The 4-byte selector, 0x-hex. */
  selector: string;
  /** The contracts whose ABI declares this error (library errors are shared by several). */
  declaredBy: readonly PerunContractName[];
}

const INTERFACES: readonly [PerunContractName, Interface][] = [
  ["Adjudicator", new Interface(ADJUDICATOR_ABI)],
  ["AssetHolderETH", new Interface(ASSET_HOLDER_ETH_ABI)],
  ["AssetHolderERC20", new Interface(ASSET_HOLDER_ERC20_ABI)],
];

/** ethers decodes these two itself, without argument names; we name them `message` and `code`. */
const BUILTIN = new Interface([]);
const BUILTIN_NAMES = ["Error", "Panic"];
const BUILTIN_ARG_NAMES: Record<string, string> = { Error: "message", Panic: "code" };

/**
 * Decodes revert data returned by any of the three contracts. Returns `undefined` for data no
 * contract declares (e.g. a token's or an app's own error), for empty data and for data whose
 * selector matches but whose arguments do not decode.
 */
export function decodeRevertData(data: string): DecodedRevert | undefined {
  if (!/^0x([0-9a-fA-F]{2})*$/.test(data) || data.length < 10) return undefined;
  const selector = data.slice(0, 10).toLowerCase();
  let found: ErrorDescription | undefined;
  const declaredBy: PerunContractName[] = [];
  for (const [name, iface] of INTERFACES) {
    const description = tryParse(iface, data);
    if (description && !BUILTIN_NAMES.includes(description.name) && description.selector.toLowerCase() === selector) {
      found = found ?? description;
      declaredBy.push(name);
    }
  }
  if (!found) found = tryParse(BUILTIN, data);
  if (!found) return undefined;
  const argList = found.fragment.inputs.map((_, i) => found!.args[i] as unknown);
  const args: Record<string, unknown> = {};
  found.fragment.inputs.forEach((input, i) => {
    args[BUILTIN_ARG_NAMES[found!.name] ?? input.name] = argList[i];
  });
  return {
    name: found.name as RevertName,
    args: args as RevertArgs<RevertName>,
    argList,
    signature: found.signature,
    selector,
    declaredBy,
  };
}

function tryParse(iface: Interface, data: string): ErrorDescription | undefined {
  try {
    return iface.parseError(data) ?? undefined;
  } catch {
    return undefined;
  }
}

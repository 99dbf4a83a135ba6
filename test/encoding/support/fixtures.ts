import type { Address, Hex, Params, State, WithdrawalAuth } from "../../../src";

/** Known-good vector of DESIGN.md §2: keys A = 0x11…11, B = 0x22…22. */
export const KEY_A = `0x${"11".repeat(32)}` as Hex;
export const KEY_B = `0x${"22".repeat(32)}` as Hex;
export const ADDRESS_A_CHECKSUMMED = "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A" as Address;
export const ADDRESS_A = ADDRESS_A_CHECKSUMMED.toLowerCase() as Address;
/** Address of KEY_B (lowercase), computed independently with ethers in addressFromPrivateKey.test.ts. */
export const ADDRESS_B = "0x1563915e194d8cfba1943570603f7606a3115508" as Address;

export const ZERO_ADDRESS = `0x${"00".repeat(20)}` as Address;
export const ZERO32 = `0x${"00".repeat(32)}` as Hex;

export const KNOWN_CHANNEL_ID = "0x5822dd7a3950d0506be16ff3b52c52fd9965d47fe05f042f3cfdb502bdf70b9f" as Hex;
export const KNOWN_STATE_HASH = "0x22bd439b5842a319d9fb067545a434baad3ae16a9d5ef22a1c3667a8091831fe" as Hex;

export function knownParams(): Params {
  return {
    challengeDuration: 60n,
    nonce: 1n,
    participants: [
      { ethAddress: ADDRESS_A_CHECKSUMMED, ccAddress: ZERO32 },
      { ethAddress: ADDRESS_B, ccAddress: ZERO32 },
    ],
    app: ZERO_ADDRESS,
    ledgerChannel: true,
    virtualChannel: false,
  };
}

export function knownState(): State {
  return {
    channelID: KNOWN_CHANNEL_ID,
    version: 0n,
    outcome: {
      assets: [{ chainID: 1337n, ethHolder: `0x${"ab".repeat(20)}` as Address, ccHolder: ZERO32 }],
      backends: [1n],
      balances: [[100n, 200n]],
      locked: [],
    },
    appData: "0x",
    isFinal: false,
  };
}

export function knownWithdrawalAuth(): WithdrawalAuth {
  return {
    channelID: KNOWN_CHANNEL_ID,
    participant: { ethAddress: ADDRESS_A, ccAddress: ZERO32 },
    receiver: `0x${"cd".repeat(20)}` as Address,
    amount: 100n,
  };
}

/** A state exercising every field: 4 parties, 3 assets of all three backends, a sub-allocation. */
export function richState(): State {
  return {
    channelID: KNOWN_CHANNEL_ID,
    version: 42n,
    outcome: {
      assets: [
        { chainID: 1337n, ethHolder: `0x${"ab".repeat(20)}` as Address, ccHolder: "0x" },
        { chainID: 0x494350n, ethHolder: ZERO_ADDRESS, ccHolder: "0x0000000001000001" as Hex },
        { chainID: 3n, ethHolder: ZERO_ADDRESS, ccHolder: `0x${"5a".repeat(32)}` as Hex },
      ],
      backends: [1n, 0x494350n, 3n],
      balances: [
        [1n, 2n, 3n, 4n],
        [10n ** 18n, 0n, 5n, (1n << 256n) - 1n],
        [7n, 7n, 7n, 7n],
      ],
      locked: [{ ID: `0x${"ee".repeat(32)}` as Hex, balances: [1n, 2n, 3n], indexMap: [0n, 3n, 65535n] }],
    },
    appData: "0xdeadbeef01",
    isFinal: true,
  };
}

/** Deep copy that keeps bigints (structuredClone would too, but this is explicit and cheap). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {CalldataHash} from "./CalldataHash.sol";

/**
 * @title Channel
 * @notice The shared Perun channel encoding (DESIGN.md section 2): the structs every chain signs
 * and hashes, and the two hashes the EVM side derives from them.
 * @dev The struct layouts and names are byte-for-byte those of perun-eth-contracts v1.0.0 so the
 * ABI (and therefore go-perun's bindings) stay identical. Hashing is `keccak256(abi.encode(x))`
 * of ONE tuple argument, which is what the TypeScript library computes off-chain.
 */
library Channel {
    /// @notice Fixed parameters of a channel; their hash is the channel ID.
    struct Params {
        uint256 challengeDuration;
        uint256 nonce;
        Participant[] participants;
        address app;
        bool ledgerChannel;
        bool virtualChannel;
    }

    /// @notice A participant's identity: its Ethereum signer and an opaque identity for other chains.
    struct Participant {
        address ethAddress;
        bytes ccAddress;
    }

    /// @notice One version of a channel's off-chain state.
    struct State {
        bytes32 channelID;
        uint64 version;
        Allocation outcome;
        bytes appData;
        bool isFinal;
    }

    /// @notice An asset on some chain; this chain pays out only assets with `chainID == block.chainid`.
    struct Asset {
        uint256 chainID;
        address ethHolder;
        bytes ccHolder;
    }

    /// @notice How a state divides the channel's funds.
    /// @dev `balances[asset][participant]`; `locked` holds the funds of sub-channels.
    struct Allocation {
        Asset[] assets;
        uint256[] backends;
        uint256[][] balances;
        SubAlloc[] locked;
    }

    /// @notice Funds locked in a sub-channel.
    /// @dev `balances[asset]` is the sub-channel's total per asset; `indexMap[i]` is the parent
    /// participant index of sub-channel participant `i`.
    struct SubAlloc {
        // solhint-disable-next-line var-name-mixedcase
        bytes32 ID;
        uint256[] balances;
        uint16[] indexMap;
    }

    /// @notice The channel ID: `keccak256(abi.encode(params))`, re-encoding the parameters.
    /// @dev For the public `channelID` getter, which must hash whatever encoding it is given.
    /// @param params The channel parameters.
    /// @return The channel ID.
    function channelID(Params calldata params) internal pure returns (bytes32) {
        return keccak256(abi.encode(params));
    }

    /// @notice The state hash every participant signs: `keccak256(abi.encode(state))`, re-encoding.
    /// @dev For the public `hashState` getter.
    /// @param state The state.
    /// @return The state hash.
    function hashState(State calldata state) internal pure returns (bytes32) {
        return keccak256(abi.encode(state));
    }

    /**
     * @notice `keccak256(abi.encode(params))` over the calldata bytes of `params` as sent.
     * @dev About 4,000 gas cheaper than `channelID`. Only for comparison with a signed hash
     * (`state.channelID`); see `CalldataHash` for why that is safe. The canonical encoding ends
     * with the participants array, whose last element ends with its `ccAddress` bytes.
     * @param params The channel parameters (calldata).
     * @return The channel ID for canonically encoded parameters.
     */
    function channelIDFromCalldata(Params calldata params) internal pure returns (bytes32) {
        uint256 start;
        uint256 size;
        uint256 lastStart;
        // Calldata reads only; every loaded offset/length is clamped to calldatasize() before
        // it is used in arithmetic, so no sum can wrap.
        assembly ("memory-safe") {
            start := params
            let cds := calldatasize()
            let partsRel := calldataload(add(params, 0x40))
            if gt(partsRel, cds) { partsRel := cds }
            let arr := add(params, partsRel)
            let n := calldataload(arr)
            size := add(partsRel, 0x20)
            if n {
                if gt(n, cds) { n := cds }
                // Element heads follow the length word; offsets are relative to the first head.
                let lastRel := calldataload(add(arr, shl(5, n)))
                if gt(lastRel, cds) { lastRel := cds }
                lastStart := add(add(arr, 0x20), lastRel)
                size := add(size, lastRel)
            }
        }
        if (lastStart != 0) {
            (uint256 ccRel, uint256 ccTail) = CalldataHash.bytesTail(lastStart, lastStart + 0x20);
            size += ccRel + ccTail;
        }
        return CalldataHash.hashTuple(start, size);
    }

    /**
     * @notice `keccak256(abi.encode(state))` over the calldata bytes of `state` as sent.
     * @dev Only for comparison with a signed or stored hash; see `CalldataHash`. The canonical
     * encoding ends with the `appData` bytes.
     * @param state The state (calldata).
     * @return The state hash for a canonically encoded state.
     */
    function hashStateFromCalldata(State calldata state) internal pure returns (bytes32) {
        uint256 start;
        // Reads the struct's calldata offset only.
        assembly ("memory-safe") {
            start := state
        }
        (uint256 dataRel, uint256 dataTail) = CalldataHash.bytesTail(start, start + 0x60);
        return CalldataHash.hashTuple(start, dataRel + dataTail);
    }

    /// @notice Whether the channel runs an app (and so may be force-executed with `progress`).
    /// @param params The channel parameters.
    /// @return True when `params.app` is not the zero address.
    function hasApp(Params calldata params) internal pure returns (bool) {
        return params.app != address(0);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

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

    /// @notice The channel ID: `keccak256(abi.encode(params))`.
    /// @param params The channel parameters.
    /// @return The channel ID.
    function channelID(Params calldata params) internal pure returns (bytes32) {
        return keccak256(abi.encode(params));
    }

    /// @notice The state hash every participant signs: `keccak256(abi.encode(state))`.
    /// @param state The state.
    /// @return The state hash.
    function hashState(State calldata state) internal pure returns (bytes32) {
        return keccak256(abi.encode(state));
    }

    /// @notice Whether the channel runs an app (and so may be force-executed with `progress`).
    /// @param params The channel parameters.
    /// @return True when `params.app` is not the zero address.
    function hasApp(Params calldata params) internal pure returns (bool) {
        return params.app != address(0);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "../libraries/Channel.sol";
import {App} from "../App.sol";

/**
 * @title CounterApp
 * @notice A test app with a real rule: `appData` is `abi.encode(uint256 counter)`, the
 * participants take turns (participant `counter % n` acts), and each move adds exactly one.
 */
contract CounterApp is App {
    /// @notice `appData` is not one ABI-encoded uint256.
    /// @param length The appData length.
    error CounterAppMalformedData(uint256 length);
    /// @notice The counter did not go up by exactly one.
    /// @param from The old counter.
    /// @param to The new counter.
    error CounterAppInvalidIncrement(uint256 from, uint256 to);
    /// @notice It is not this participant's turn.
    /// @param actorIdx The actor.
    /// @param expected The participant whose turn it is.
    error CounterAppNotYourTurn(uint256 actorIdx, uint256 expected);

    /// @inheritdoc App
    function validTransition(
        Channel.Params calldata params,
        Channel.State calldata from,
        Channel.State calldata to,
        uint256 actorIdx
    ) external pure override {
        uint256 a = _counter(from.appData);
        uint256 b = _counter(to.appData);
        uint256 turn = a % params.participants.length;
        if (actorIdx != turn) revert CounterAppNotYourTurn(actorIdx, turn);
        if (b != a + 1) revert CounterAppInvalidIncrement(a, b);
    }

    function _counter(bytes calldata data) private pure returns (uint256) {
        if (data.length != 32) revert CounterAppMalformedData(data.length);
        return abi.decode(data, (uint256));
    }
}

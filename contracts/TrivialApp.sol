// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "./libraries/Channel.sol";
import {App} from "./App.sol";

/**
 * @title TrivialApp
 * @notice An app that accepts every transition the adjudicator's generic checks accept: useful
 * to exercise force execution without app logic.
 */
contract TrivialApp is App {
    /// @inheritdoc App
    function validTransition(
        Channel.Params calldata params,
        Channel.State calldata from,
        Channel.State calldata to,
        uint256 actorIdx
    ) external pure override {} // solhint-disable-line no-empty-blocks
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "./libraries/Channel.sol";

/**
 * @title App
 * @notice The rule of an app channel, consulted by `Adjudicator.progress` during force execution.
 * @dev The adjudicator has already checked the parameters against the state, the actor's
 * signature, `to.version == from.version + 1`, that `from` is not final, equal assets and
 * sub-channels, and that every asset's total is preserved. An app checks only its own rule.
 */
// The name `App` is fixed by the upstream ABI that go-perun binds to.
// solhint-disable-next-line interface-starts-with-i
interface App {
    /**
     * @notice Reverts unless `to` is a valid successor of `from` when made by participant `actorIdx`.
     * @param params The channel parameters.
     * @param from The registered state.
     * @param to The proposed next state.
     * @param actorIdx The index of the participant who signed `to`.
     */
    function validTransition(
        Channel.Params calldata params,
        Channel.State calldata from,
        Channel.State calldata to,
        uint256 actorIdx
    ) external pure;
}

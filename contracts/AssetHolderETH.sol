// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AssetHolder} from "./AssetHolder.sol";

/**
 * @title AssetHolderETH
 * @notice The asset holder for the chain's native currency.
 * @dev Pays with a plain call that forwards gas, so contract wallets can receive (upstream's
 * `transfer` gave them 2300 gas); re-entrancy is stopped by the holder's lock and by updating
 * the books before paying.
 */
contract AssetHolderETH is AssetHolder {
    /// @notice The value sent differs from the amount declared.
    /// @param amount The declared amount.
    /// @param value The value sent.
    error AssetHolderETHWrongValue(uint256 amount, uint256 value);
    /// @notice The receiver rejected the payment.
    /// @param receiver The receiver.
    /// @param amount The amount.
    error AssetHolderETHTransferFailed(address receiver, uint256 amount);

    /**
     * @notice Deploys the ETH holder for an adjudicator.
     * @param _adjudicator The adjudicator allowed to set outcomes.
     */
    constructor(address _adjudicator) AssetHolder(_adjudicator) {} // solhint-disable-line no-empty-blocks

    /// @dev The deposit is exactly msg.value, which must equal the declared amount.
    function _receiveFunds(uint256 amount) internal override returns (uint256) {
        if (msg.value != amount) revert AssetHolderETHWrongValue(amount, msg.value);
        return amount;
    }

    /// @dev Forwards all remaining gas; a failing receiver reverts the whole withdrawal.
    function _sendFunds(address payable receiver, uint256 amount) internal override {
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = receiver.call{value: amount}("");
        if (!ok) revert AssetHolderETHTransferFailed(receiver, amount);
    }
}

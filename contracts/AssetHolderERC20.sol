// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AssetHolder} from "./AssetHolder.sol";
import {IERC20} from "./interfaces/IERC20.sol";
import {TokenTransfer} from "./libraries/TokenTransfer.sol";

/**
 * @title AssetHolderERC20
 * @notice The asset holder for one ERC-20 token. Depositors approve the holder first.
 * @dev Credits the balance increase actually observed, so fee-on-transfer tokens cannot make
 * the holder promise more than it holds; accepts tokens that return nothing.
 */
contract AssetHolderERC20 is AssetHolder {
    using TokenTransfer for IERC20;

    /// @notice ETH was sent along with a token deposit.
    /// @param value The value sent.
    error AssetHolderERC20ValueSent(uint256 value);
    /// @notice The token address has no code.
    /// @param token The address given.
    error AssetHolderERC20TokenNotContract(address token);
    /// @notice The holder's token balance went down during a deposit.
    /// @param before The balance before.
    /// @param after_ The balance after.
    error AssetHolderERC20BalanceDecreased(uint256 before, uint256 after_);

    /// @notice The token this holder holds.
    IERC20 public immutable token;

    /**
     * @notice Deploys a holder for `_token`.
     * @param _adjudicator The adjudicator allowed to set outcomes.
     * @param _token The ERC-20 token (must be a contract).
     */
    constructor(address _adjudicator, address _token) AssetHolder(_adjudicator) {
        if (_token.code.length == 0) revert AssetHolderERC20TokenNotContract(_token);
        token = IERC20(_token);
    }

    /// @dev Pulls `amount` with transferFrom and returns the holder's balance increase. Holds the
    /// re-entrancy lock: a nested deposit during the transfer would be counted twice.
    function _receiveFunds(uint256 amount) internal override nonReentrant returns (uint256) {
        if (msg.value != 0) revert AssetHolderERC20ValueSent(msg.value);
        uint256 before = token.balanceOfSelf();
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 after_ = token.balanceOfSelf();
        if (after_ < before) revert AssetHolderERC20BalanceDecreased(before, after_);
        return after_ - before;
    }

    /// @dev Transfers `amount` tokens to `receiver`.
    function _sendFunds(address payable receiver, uint256 amount) internal override {
        token.safeTransfer(receiver, amount);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title TestToken
 * @notice A plain ERC-20 for tests and gas benchmarks, behaving like OpenZeppelin 4.x `ERC20`
 * (the token upstream's benchmarks used): `transferFrom` spends a finite allowance and emits
 * `Approval`, so measured deposit costs compare fairly with upstream's figures.
 */
contract TestToken {
    /// @notice Token name.
    string public name;
    /// @notice Token symbol.
    string public symbol;
    /// @notice Decimals (18).
    uint8 public constant decimals = 18; // solhint-disable-line const-name-snakecase
    /// @notice Total supply.
    uint256 public totalSupply;
    /// @notice Balances.
    mapping(address account => uint256 amount) public balanceOf;
    /// @notice Allowances.
    mapping(address owner => mapping(address spender => uint256 amount)) public allowance;

    /// @notice ERC-20 transfer event.
    /// @param from Payer.
    /// @param to Receiver.
    /// @param value Amount.
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// @notice ERC-20 approval event.
    /// @param owner Owner.
    /// @param spender Spender.
    /// @param value New allowance.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice Not enough balance.
    /// @param account The payer.
    /// @param balance Its balance.
    /// @param needed The amount.
    error TestTokenInsufficientBalance(address account, uint256 balance, uint256 needed);
    /// @notice Not enough allowance.
    /// @param spender The spender.
    /// @param allowance Its allowance.
    /// @param needed The amount.
    error TestTokenInsufficientAllowance(address spender, uint256 allowance, uint256 needed);

    /**
     * @notice Mints `initialBalance` to each of `accounts`.
     * @param _name Token name.
     * @param _symbol Token symbol.
     * @param accounts Accounts to fund.
     * @param initialBalance Amount per account.
     */
    constructor(string memory _name, string memory _symbol, address[] memory accounts, uint256 initialBalance) {
        name = _name;
        symbol = _symbol;
        for (uint256 i; i < accounts.length; ++i) {
            _mint(accounts[i], initialBalance);
        }
    }

    /**
     * @notice Mints tokens (test helper, unrestricted).
     * @param to Receiver.
     * @param amount Amount.
     */
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /**
     * @notice Sets the caller's allowance for `spender`.
     * @param spender Spender.
     * @param amount Allowance.
     * @return Always true.
     */
    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    /**
     * @notice Transfers from the caller.
     * @param to Receiver.
     * @param amount Amount.
     * @return Always true (reverts on failure).
     */
    function transfer(address to, uint256 amount) external virtual returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    /**
     * @notice Transfers using an allowance.
     * @param from Payer.
     * @param to Receiver.
     * @param amount Amount.
     * @return Always true (reverts on failure).
     */
    function transferFrom(address from, address to, uint256 amount) external virtual returns (bool) {
        _spendAllowance(from, amount);
        _transfer(from, to, amount);
        return true;
    }

    function _spendAllowance(address from, uint256 amount) internal {
        uint256 current = allowance[from][msg.sender];
        if (current != type(uint256).max) {
            if (current < amount) revert TestTokenInsufficientAllowance(msg.sender, current, amount);
            unchecked {
                // current >= amount was checked above.
                allowance[from][msg.sender] = current - amount;
            }
            emit Approval(from, msg.sender, current - amount);
        }
    }

    function _transfer(address from, address to, uint256 amount) internal virtual {
        uint256 balance = balanceOf[from];
        if (balance < amount) revert TestTokenInsufficientBalance(from, balance, amount);
        unchecked {
            // balance >= amount was checked above; the total supply bounds the receiver's balance.
            balanceOf[from] = balance - amount;
            balanceOf[to] += amount;
        }
        emit Transfer(from, to, amount);
    }

    function _mint(address to, uint256 amount) internal {
        totalSupply += amount;
        unchecked {
            // The checked total supply bounds every balance.
            balanceOf[to] += amount;
        }
        emit Transfer(address(0), to, amount);
    }
}

package goperun

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/perun-network/perun-eth-backend/bindings"
	"github.com/perun-network/perun-eth-backend/bindings/adjudicator"
	"github.com/perun-network/perun-eth-backend/bindings/assetholder"
	"github.com/perun-network/perun-eth-backend/bindings/peruntoken"
)

// rpcTimeout bounds every single call to the node.
const rpcTimeout = 30 * time.Second

// node is the test's own connection to the hardhat node: reading balances, holdings and dispute
// records, moving chain time, and reading back the transactions go-perun sent.
type node struct {
	t   *testing.T
	rpc *rpc.Client
	eth *ethclient.Client
	id  *big.Int
}

func dialNode(t *testing.T, e *testEnv) *node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	c, err := rpc.DialContext(ctx, e.rpcURL)
	if err != nil {
		t.Fatalf("dialling %s: %v", e.rpcURL, err)
	}
	n := &node{t: t, rpc: c, eth: ethclient.NewClient(c)}
	t.Cleanup(c.Close)
	n.id, err = n.eth.ChainID(ctx)
	if err != nil {
		t.Fatalf("eth_chainId: %v", err)
	}
	if n.id.Int64() != e.deployment.ChainID {
		t.Fatalf("node has chain %v, deployment record says %d", n.id, e.deployment.ChainID)
	}
	return n
}

func (n *node) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), rpcTimeout)
}

// advanceTime moves the chain's clock forward and mines a block at the new time (Hardhat's
// evm_increaseTime + evm_mine), so go-perun's block-time timeouts see it.
func (n *node) advanceTime(seconds uint64) {
	n.t.Helper()
	ctx, cancel := n.ctx()
	defer cancel()
	if err := n.rpc.CallContext(ctx, nil, "evm_increaseTime", seconds); err != nil {
		n.t.Fatalf("evm_increaseTime: %v", err)
	}
	if err := n.rpc.CallContext(ctx, nil, "evm_mine"); err != nil {
		n.t.Fatalf("evm_mine: %v", err)
	}
}

func (n *node) blockNumber() uint64 {
	n.t.Helper()
	ctx, cancel := n.ctx()
	defer cancel()
	b, err := n.eth.BlockNumber(ctx)
	if err != nil {
		n.t.Fatalf("eth_blockNumber: %v", err)
	}
	return b
}

func (n *node) blockTime() uint64 {
	n.t.Helper()
	ctx, cancel := n.ctx()
	defer cancel()
	h, err := n.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		n.t.Fatalf("latest header: %v", err)
	}
	return h.Time
}

func (n *node) ethBalance(a common.Address) *big.Int {
	n.t.Helper()
	ctx, cancel := n.ctx()
	defer cancel()
	b, err := n.eth.BalanceAt(ctx, a, nil)
	if err != nil {
		n.t.Fatalf("eth_getBalance %v: %v", a, err)
	}
	return b
}

func (n *node) tokenBalance(token, a common.Address) *big.Int {
	n.t.Helper()
	tok, err := peruntoken.NewPeruntoken(token, n.eth)
	if err != nil {
		n.t.Fatal(err)
	}
	ctx, cancel := n.ctx()
	defer cancel()
	b, err := tok.BalanceOf(&bind.CallOpts{Context: ctx}, a)
	if err != nil {
		n.t.Fatalf("balanceOf %v: %v", a, err)
	}
	return b
}

// holdings reads an asset holder's holdings of a funding ID, at a block (nil: latest).
func (n *node) holdings(holder common.Address, fundingID [32]byte, block *big.Int) *big.Int {
	n.t.Helper()
	h, err := assetholder.NewAssetholder(holder, n.eth)
	if err != nil {
		n.t.Fatal(err)
	}
	ctx, cancel := n.ctx()
	defer cancel()
	v, err := h.Holdings(&bind.CallOpts{Context: ctx, BlockNumber: block}, fundingID)
	if err != nil {
		n.t.Fatalf("holdings at %v: %v", holder, err)
	}
	return v
}

// disputeRecord is the adjudicator's `disputes(channelID)`.
type disputeRecord struct {
	Timeout           uint64
	ChallengeDuration uint64
	Version           uint64
	Phase             uint8
	StateHash         [32]byte
	HasApp            bool
}

func (n *node) dispute(adj common.Address, id [32]byte) disputeRecord {
	n.t.Helper()
	a, err := adjudicator.NewAdjudicator(adj, n.eth)
	if err != nil {
		n.t.Fatal(err)
	}
	ctx, cancel := n.ctx()
	defer cancel()
	d, err := a.Disputes(&bind.CallOpts{Context: ctx}, id)
	if err != nil {
		n.t.Fatalf("disputes(%x): %v", id, err)
	}
	return disputeRecord(d)
}

// waitFor polls cond until it holds or the deadline passes.
func (n *node) waitFor(what string, timeout time.Duration, cond func() bool) {
	n.t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			n.t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// sentTx is one transaction mined in a block range, decoded against go-perun's own bindings.
type sentTx struct {
	Block   uint64
	From    common.Address
	To      common.Address
	Method  string
	Args    []any
	GasUsed uint64
	Status  uint64
}

// transactions returns every transaction mined in blocks [from, to], with the method go-perun's
// bindings name for its selector ("" when none does).
func (n *node) transactions(from, to uint64) []sentTx {
	n.t.Helper()
	abis := []abi.ABI{bindings.ABI.Adjudicator, bindings.ABI.AssetHolder, bindings.ABI.ERC20AssetHolder, bindings.ABI.PerunToken}
	var out []sentTx
	for b := from; b <= to; b++ {
		ctx, cancel := n.ctx()
		block, err := n.eth.BlockByNumber(ctx, new(big.Int).SetUint64(b))
		if err != nil {
			cancel()
			n.t.Fatalf("block %d: %v", b, err)
		}
		for _, tx := range block.Transactions() {
			receipt, err := n.eth.TransactionReceipt(ctx, tx.Hash())
			if err != nil {
				cancel()
				n.t.Fatalf("receipt %v: %v", tx.Hash(), err)
			}
			// go-ethereum of this vintage hashes Hardhat's newer headers differently, so the
			// sender is recovered from the signature rather than looked up by block hash.
			sender, err := types.Sender(types.LatestSignerForChainID(n.id), tx)
			if err != nil {
				cancel()
				n.t.Fatalf("sender of %v: %v", tx.Hash(), err)
			}
			s := sentTx{Block: b, From: sender, GasUsed: receipt.GasUsed, Status: receipt.Status}
			if tx.To() != nil {
				s.To = *tx.To()
			}
			if data := tx.Data(); len(data) >= 4 {
				for _, a := range abis {
					if m, err := a.MethodById(data[:4]); err == nil {
						s.Method = m.Name
						s.Args, _ = m.Inputs.Unpack(data[4:])
						break
					}
				}
			}
			out = append(out, s)
		}
		cancel()
	}
	return out
}

// channelUpdate is one ChannelUpdate event of the adjudicator, with the sender of its transaction.
type channelUpdate struct {
	Version uint64
	Phase   uint8
	Timeout uint64
	Block   uint64
	Sender  common.Address
}

// channelUpdates lists a channel's ChannelUpdate events from block `from` on, in order.
func (n *node) channelUpdates(adj common.Address, id [32]byte, from uint64) []channelUpdate {
	n.t.Helper()
	a, err := adjudicator.NewAdjudicator(adj, n.eth)
	if err != nil {
		n.t.Fatal(err)
	}
	ctx, cancel := n.ctx()
	defer cancel()
	it, err := a.FilterChannelUpdate(&bind.FilterOpts{Start: from, Context: ctx}, [][32]byte{id})
	if err != nil {
		n.t.Fatalf("ChannelUpdate logs: %v", err)
	}
	defer it.Close()
	var out []channelUpdate
	for it.Next() {
		tx, _, err := n.eth.TransactionByHash(ctx, it.Event.Raw.TxHash)
		if err != nil {
			n.t.Fatalf("transaction %v: %v", it.Event.Raw.TxHash, err)
		}
		sender, err := types.Sender(types.LatestSignerForChainID(n.id), tx)
		if err != nil {
			n.t.Fatalf("sender of %v: %v", it.Event.Raw.TxHash, err)
		}
		out = append(out, channelUpdate{it.Event.Version, it.Event.Phase, it.Event.Timeout, it.Event.Raw.BlockNumber, sender})
	}
	if err := it.Error(); err != nil {
		n.t.Fatalf("ChannelUpdate logs: %v", err)
	}
	return out
}

// mineEvery mines a block now and then an empty block every interval until the test ends: a
// real chain keeps producing blocks. go-perun waits for timeouts by watching new block headers
// (BlockTimeout.Wait), which an idle automining Hardhat node never sends, and it measures its
// funding deadline from the latest block's timestamp (perun-eth-backend channel/funder.go
// fundingTimeoutContext: latest block time + challenge duration), which on a node left idle
// (e.g. during a cold `go test` build) lies in the past, so funding would be cancelled at once.
func (n *node) mineEvery(interval time.Duration) {
	n.t.Helper()
	ctx, cancel := n.ctx()
	defer cancel()
	if err := n.rpc.CallContext(ctx, nil, "evm_mine"); err != nil {
		n.t.Fatalf("evm_mine: %v", err)
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				ctx, cancel := n.ctx()
				_ = n.rpc.CallContext(ctx, nil, "evm_mine") // a failure shows as a go-perun timeout
				cancel()
			}
		}
	}()
	n.t.Cleanup(func() {
		close(done)
		<-stopped
	})
}

package goperun

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/perun-network/perun-eth-backend/bindings"
	ethchannel "github.com/perun-network/perun-eth-backend/channel"
)

// ourABI reads a contract's ABI from Hardhat's artifacts, functions and events only.
func ourABI(t *testing.T, e *testEnv, file, name string) abi.ABI {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(e.artifacts, file, name+".json"))
	if err != nil {
		t.Fatalf("reading our %s artifact: %v", name, err)
	}
	var artifact struct {
		ABI []map[string]any `json:"abi"`
	}
	if err := json.Unmarshal(raw, &artifact); err != nil {
		t.Fatalf("parsing our %s artifact: %v", name, err)
	}
	var kept []map[string]any
	for _, entry := range artifact.ABI {
		if entry["type"] == "function" || entry["type"] == "event" {
			kept = append(kept, entry)
		}
	}
	js, _ := json.Marshal(kept)
	parsed, err := abi.JSON(strings.NewReader(string(js)))
	if err != nil {
		t.Fatalf("our %s ABI: %v", name, err)
	}
	return parsed
}

func argTypes(args abi.Arguments) string {
	var s []string
	for _, a := range args {
		s = append(s, a.Type.String())
	}
	return strings.Join(s, ",")
}

// TestABI: every function and event in go-perun's bindings exists in our contract with the same
// selector, inputs, outputs, mutability and indexed fields (the ABI is what go-perun relies on).
func TestABI(t *testing.T) {
	e := loadEnv(t)
	for _, c := range []struct {
		theirs      abi.ABI
		file, ours  string
		upstreamDoc string
	}{
		{bindings.ABI.Adjudicator, "Adjudicator.sol", "Adjudicator", "Adjudicator"},
		{bindings.ABI.AssetHolder, "AssetHolder.sol", "AssetHolder", "AssetHolder"},
		{bindings.ABI.ETHAssetHolder, "AssetHolderETH.sol", "AssetHolderETH", "AssetHolderETH"},
		{bindings.ABI.ERC20AssetHolder, "AssetHolderERC20.sol", "AssetHolderERC20", "AssetHolderERC20"},
		{bindings.ABI.TrivialApp, "TrivialApp.sol", "TrivialApp", "TrivialApp"},
	} {
		ours := ourABI(t, e, c.file, c.ours)
		checked := 0
		for name, m := range c.theirs.Methods {
			o, ok := ours.Methods[name]
			switch {
			case !ok:
				t.Errorf("%s.%s (go-perun's binding) is missing from our contract", c.ours, m.Sig)
			case string(o.ID) != string(m.ID) || o.Sig != m.Sig:
				t.Errorf("%s.%s: ours is %s", c.ours, m.Sig, o.Sig)
			case argTypes(o.Outputs) != argTypes(m.Outputs):
				t.Errorf("%s.%s returns (%s), go-perun expects (%s)", c.ours, m.Sig, argTypes(o.Outputs), argTypes(m.Outputs))
			case o.StateMutability != m.StateMutability:
				t.Errorf("%s.%s is %s, go-perun's binding says %s", c.ours, m.Sig, o.StateMutability, m.StateMutability)
			default:
				checked++
			}
		}
		for name, ev := range c.theirs.Events {
			o, ok := ours.Events[name]
			if !ok || o.ID != ev.ID {
				t.Errorf("%s event %s (go-perun's binding) is missing or differs", c.ours, ev.Sig)
				continue
			}
			for i := range ev.Inputs {
				if o.Inputs[i].Indexed != ev.Inputs[i].Indexed {
					t.Errorf("%s event %s: argument %d indexed %v, go-perun expects %v", c.ours, ev.Sig, i, o.Inputs[i].Indexed, ev.Inputs[i].Indexed)
				}
			}
			checked++
		}
		t.Logf("step abi: %s: %d functions and events of go-perun's binding match ours", c.ours, checked)
	}
}

// TestBytecodeValidation: perun-eth-backend's optional ValidateAdjudicator /
// ValidateAssetHolderETH / ValidateAssetHolderERC20 compare the deployed runtime code byte for
// byte with the upstream contracts it embeds. Our contracts are a different implementation of the
// same ABI, so each must refuse them with ErrInvalidContractCode — an incompatibility by
// construction: a go-perun application that calls them (perun-examples does) must skip them for
// our deployment. go-perun's client itself never calls them.
func TestBytecodeValidation(t *testing.T) {
	e := loadEnv(t)
	n := dialNode(t, e)
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	checks := []struct {
		what string
		err  error
	}{
		{"ValidateAdjudicator", ethchannel.ValidateAdjudicator(ctx, n.eth, e.adjudicator())},
		{"ValidateAssetHolderETH", ethchannel.ValidateAssetHolderETH(ctx, n.eth, e.ethHolder(), e.adjudicator())},
		{"ValidateAssetHolderERC20", ethchannel.ValidateAssetHolderERC20(ctx, n.eth, e.erc20Holder(), e.adjudicator(), e.token())},
	}
	for _, c := range checks {
		if !ethchannel.IsErrInvalidContractCode(c.err) {
			t.Errorf("%s on our contract: %v, want ErrInvalidContractCode (did the bytecode become upstream's?)", c.what, c.err)
			continue
		}
		t.Logf("step bytecode: %s refuses our contract (%v): skipped, as the README says", c.what, c.err)
	}
}

/**
 * The options of `npm start`: each accepted form parses to its value, and each bad option is
 * refused with its own message (the CLI prints it and exits 2; see demoCli.test.ts).
 */
import { expect } from "chai";
import { DEFAULT_OPTIONS, parseDemoOptions } from "../../scripts/demo/options";
import { DemoOptionError } from "../../scripts/lib/scriptErrors";

const ACCEPTED: [string[], Partial<typeof DEFAULT_OPTIONS>][] = [
  [[], {}],
  [["--participants", "3"], { participants: 3 }],
  [["--participants=5"], { participants: 5 }],
  [["--participants", "2"], { participants: 2 }],
  [["--updates", "1"], { updates: 1 }],
  [["--updates=1000"], { updates: 1000 }],
  [["--mode", "cooperative"], { mode: "cooperative" }],
  [["--mode=dispute"], { mode: "dispute" }],
  [["--mode", "both", "--updates", "5", "--participants", "4"], { mode: "both", updates: 5, participants: 4 }],
];

const REFUSED: [string[], string][] = [
  [["--participants", "1"], "--participants must be between 2 and 5, got 1"],
  [["--participants", "6"], "--participants must be between 2 and 5, got 6"],
  [["--participants", "0"], "--participants must be between 2 and 5, got 0"],
  [["--participants", "two"], '--participants must be a whole number, got "two"'],
  [["--participants", "2.5"], '--participants must be a whole number, got "2.5"'],
  [["--participants", "-3"], '--participants must be a whole number, got "-3"'],
  [["--participants="], '--participants must be a whole number, got ""'],
  [["--participants"], "--participants needs a value"],
  [["--participants", "--updates", "2"], "--participants needs a value"],
  [["--updates", "0"], "--updates must be between 1 and 1000, got 0"],
  [["--updates", "1001"], "--updates must be between 1 and 1000, got 1001"],
  [["--updates", "1e3"], '--updates must be a whole number, got "1e3"'],
  [["--updates"], "--updates needs a value"],
  [["--mode", "fast"], '--mode must be cooperative, dispute or both, got "fast"'],
  [["--mode"], "--mode needs a value"],
  [["--mode=Both"], '--mode must be cooperative, dispute or both, got "Both"'],
  [["--updates", "2", "--updates", "3"], "--updates given twice"],
  [["--verbose"], "unknown option --verbose (see --help)"],
  [["--network=localhost"], "unknown option --network (see --help)"],
  [["-p", "3"], "unknown option -p (see --help)"],
  [["3"], 'unexpected argument "3" (see --help)'],
];

describe("scripts: npm start options", () => {
  for (const [argv, expected] of ACCEPTED) {
    it(`accepts ${JSON.stringify(argv)}`, () => {
      expect(parseDemoOptions(argv)).to.deep.equal({ kind: "run", options: { ...DEFAULT_OPTIONS, ...expected } });
    });
  }

  for (const [argv, message] of REFUSED) {
    it(`refuses ${JSON.stringify(argv)}: ${message}`, () => {
      expect(() => parseDemoOptions(argv)).to.throw(DemoOptionError, message);
    });
  }

  it("prints the usage on --help or -h, wherever it stands", () => {
    expect(parseDemoOptions(["--help"])).to.deep.equal({ kind: "help" });
    expect(parseDemoOptions(["--updates", "2", "-h"])).to.deep.equal({ kind: "help" });
  });

  it("defaults to 2 participants, 3 updates, both stories", () => {
    expect(DEFAULT_OPTIONS).to.deep.equal({ participants: 2, updates: 3, mode: "both" });
  });
});

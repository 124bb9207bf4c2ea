/** The short, fixed-seed pass of the fuzzer that CI runs; `npm run fuzz` is the long one. */
import { leaks, runDeployedFuzz, runFuzz } from '../../fuzz/fuzz.js';

describe('fuzzer', () => {
  it('flags JavaScript internals in a message unless the input itself contains them', () => {
    expect(leaks(['invalid-whitelist: value undefined is not a list'], 'a: [1]')).toHaveLength(1);
    expect(leaks(['invalid-config: YAML: Maximum call stack size exceeded'], '{{{')).toHaveLength(1);
    expect(leaks(['invalid-config: port is NaN'], 'port: x')).toHaveLength(1);
    expect(leaks(['invalid-entry: "undefined" is not an IP address'], 'undefined\n')).toEqual([]);
    expect(leaks(['invalid-entry: "198.51.100.300" is not an IP address'], '198.51.100.300')).toEqual([]);
  });

  it('holds every oracle over a fixed-seed pass', async () => {
    const result = await runFuzz({ seed: 20261201, runs: 300, slowMs: 10_000 });
    expect(result.failures.map((f) => ({ target: f.case.target, problems: f.problems }))).toEqual([]);
    expect(result.runs).toBe(300);
  }, 120_000);

  it('holds every oracle over the deployed-whitelist answers, fixed seed', async () => {
    const result = await runDeployedFuzz({ seed: 20261201, runs: 150, slowMs: 10_000 });
    expect(result.failures.map((f) => ({ target: f.case.target, problems: f.problems }))).toEqual([]);
    expect(result.runs).toBe(150);
  }, 120_000);
});

import { closestNames, didYouMean, editDistance, typoDistance } from '../../src/suggest.js';

describe('editDistance (optimal string alignment)', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['', 'abc', 3],
    ['format', 'format', 0],
    ['formt', 'format', 1], // a letter left out
    ['foramt', 'format', 1], // two neighbours swapped: one edit, not two
    ['fromat', 'format', 1],
    ['formatt', 'format', 1],
    ['formet', 'format', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // OSA, unlike full Damerau–Levenshtein, does not edit a swapped pair again
    ['data-integratoin', 'data-integration', 1]
  ])('%j → %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('stops at the limit: limit + 1 means "further than that"', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('formt', 'format', 1)).toBe(1);
  });

  it('answers at once for a huge input, whose length alone rules it out', () => {
    const huge = 'a'.repeat(5_000_000);
    const started = process.hrtime.bigint();
    expect(editDistance(huge, 'format', 3)).toBe(4);
    expect(closestNames(huge, ['format', 'select'])).toEqual([]);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  });
});

describe('closestNames', () => {
  it.each<[string, string, string[], string[]]>([
    ['a letter left out', 'formt', ['config', 'format', 'output'], ['format']],
    ['case only', 'RDS', ['rds', 'redis'], ['rds']],
    ['underscore for dash', 'data_integration', ['data-integration', 'data-service'], ['data-integration']],
    ['snake case key', 'private_cidrs', ['privateCidrs', 'publicIps'], ['privateCidrs']],
    ['a tie is listed in candidate order', 'polardbx', ['rds', 'polardb', 'polardb-x'], ['polardb', 'polardb-x']],
    ['the longer common beginning breaks a tie', 'ofline', ['auto', 'online', 'offline'], ['offline']],
    ['nothing close', 'mysql', ['rds', 'polardb', 'redis'], []],
    ['one letter never suggests a two-letter name', 'x', ['id'], []],
    ['short names allow one edit only', 'ecs', ['oss', 'rds'], []],
    ['the exact name is not suggested to itself', 'rds', ['rds'], []],
    ['at most three', 'ab', ['ax', 'bb', 'ac', 'ad'], ['ax', 'ac', 'ad']]
  ])('%s: %j', (_, input, candidates, expected) => {
    expect(closestNames(input, candidates)).toEqual(expected);
  });

  it('allows one edit per three characters of the name meant, from one to three', () => {
    expect([1, 3, 5, 6, 8, 9, 30].map((length) => typoDistance('x'.repeat(length)))).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });
});

describe('didYouMean', () => {
  it.each<[unknown, string[], string]>([
    ['formt', ['format'], '; did you mean format?'],
    ['polardbx', ['polardb', 'polardb-x'], '; did you mean polardb or polardb-x?'],
    ['ab', ['ax', 'ac', 'ad'], '; did you mean ax, ac or ad?'],
    ['mysql', ['rds'], ''],
    [42, ['rds'], ''],
    [undefined, ['rds'], '']
  ])('%j', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  it('decorates each name, e.g. as a flag', () => {
    expect(didYouMean('formt', ['format'], (name) => `--${name}`)).toBe('; did you mean --format?');
  });
});

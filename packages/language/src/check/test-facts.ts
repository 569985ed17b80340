// A test's facts: those of the test it is based on (基于), recursively, overridden by its own.
import type { Given, Rubric, Test } from "../ast.ts";

/**
 * Per rubric: each test's position, and the tests of each name in order. Both functions below are
 * called for every test of a rubric; scanning the tests in each call made 5,000 tests, each based
 * on the one before, take minutes (cubic). With the index, a base is a lookup.
 */
interface TestIndex {
  readonly position: ReadonlyMap<Test, number>;
  readonly byName: ReadonlyMap<string, readonly Test[]>;
  readonly facts: Map<Test, Given[]>;
}

const indexes = new WeakMap<Rubric, TestIndex>();

function indexOf(rubric: Rubric): TestIndex {
  let index = indexes.get(rubric);
  if (!index) {
    const position = new Map<Test, number>();
    const byName = new Map<string, Test[]>();
    rubric.tests.forEach((t, i) => {
      position.set(t, i);
      if (!t.name) return;
      const same = byName.get(t.name.value);
      if (same) same.push(t);
      else byName.set(t.name.value, [t]);
    });
    index = { position, byName, facts: new Map() };
    indexes.set(rubric, index);
  }
  return index;
}

/** The test a test is based on: the nearest earlier test of that name, or undefined. */
export function baseTest(rubric: Rubric, test: Test): Test | undefined {
  if (!test.base) return undefined;
  const { position, byName } = indexOf(rubric);
  const before = position.get(test) ?? rubric.tests.length;
  return byName.get(test.base.value)?.findLast((t) => (position.get(t) ?? 0) < before);
}

/** Every fact a test gives, inherited ones included, each name once (the test's own win). */
export function testFacts(rubric: Rubric, test: Test): Given[] {
  const index = indexOf(rubric);
  // Down the chain of bases to a test whose facts are known (or past the first), then back up.
  const chain: Test[] = [];
  const seen = new Set<Test>();
  let t: Test | undefined = test;
  while (t && !index.facts.has(t) && !seen.has(t)) {
    chain.push(t);
    seen.add(t);
    t = baseTest(rubric, t);
  }
  let known: Given[] = (t && index.facts.get(t)) ?? [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i] as Test;
    const facts = new Map<string, Given>(known.map((g) => [g.name.name, g]));
    for (const given of link.given) facts.set(given.name.name, given);
    known = [...facts.values()];
    index.facts.set(link, known);
  }
  return [...known];
}

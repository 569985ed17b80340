// A test's facts: those of the test it is based on (基于), recursively, overridden by its own.
import type { Given, Rubric, Test } from "../ast.ts";

/** The test a test is based on: the nearest earlier test of that name, or undefined. */
export function baseTest(rubric: Rubric, test: Test): Test | undefined {
  if (!test.base) return undefined;
  const index = rubric.tests.indexOf(test);
  const earlier = index < 0 ? rubric.tests : rubric.tests.slice(0, index);
  return earlier.findLast((t) => t.name?.value === test.base?.value);
}

/** Every fact a test gives, inherited ones included, each name once (the test's own win). */
export function testFacts(rubric: Rubric, test: Test): Given[] {
  const chain: Test[] = [];
  for (let t: Test | undefined = test; t && !chain.includes(t); t = baseTest(rubric, t)) chain.unshift(t);
  const facts = new Map<string, Given>();
  for (const t of chain) for (const given of t.given) facts.set(given.name.name, given);
  return [...facts.values()];
}

// Facts that reach a criterion's least and most points: the counterexample a hover shows beside
// the bounds. The inputs the criterion reads are set to the ends of their ranges in every
// combination (up to 2⁶ of them; the rest of the rubric's inputs at their low end), and each
// combination is scored; the first that reaches a bound is its witness. A bound no combination
// reaches (one that needs a value inside a range) has none.
import type { CompiledRubric, InputInfo } from "@kaoping/engine";

export interface Witness {
  /** The values of the inputs the criterion reads, as facts give them. */
  readonly facts: Readonly<Record<string, boolean | number>>;
  readonly points: number;
}

const maxRead = 6;
/** A large count or amount: past any per-unit bonus's cap in the sheets. */
const many = 1000;

function end(input: InputInfo, high: boolean): boolean | number {
  switch (input.kind) {
    case "yesno":
      return high;
    case "percent":
      return high ? 100 : 0;
    case "score":
      return (high ? input.max : input.min) ?? 0;
    default:
      return high ? many : 0;
  }
}

/** A fact as the schema takes it: a score below its maximum needs a reason. */
function fact(input: InputInfo, value: boolean | number): unknown {
  return input.kind === "score" && value !== input.max ? { value, reason: "—" } : value;
}

/** Witnesses of the least and most points of criterion `item.criterion`, reading `read`. */
export function witnesses(
  rubric: CompiledRubric,
  item: number,
  criterion: number,
  read: readonly string[],
  bounds: { readonly least: number; readonly most: number | null },
): { least?: Witness; most?: Witness } {
  const inputs = rubric.inputs.filter((i) => read.includes(i.name)).slice(0, maxRead);
  const base: Record<string, unknown> = {};
  for (const i of rubric.inputs) base[i.name] = fact(i, end(i, false));
  const found: { least?: Witness; most?: Witness } = {};
  for (let mask = 0; mask < 1 << inputs.length && !(found.least && (found.most || bounds.most === null)); mask++) {
    const facts = { ...base };
    const shown: Record<string, boolean | number> = {};
    inputs.forEach((input, bit) => {
      const value = end(input, (mask & (1 << bit)) !== 0);
      facts[input.name] = fact(input, value);
      shown[input.name] = value;
    });
    let result: ReturnType<CompiledRubric["score"]>;
    try {
      result = rubric.score(facts);
    } catch {
      continue; // Facts the schema refuses (FactsError): not a witness.
    }
    const points = result.items.find((i) => i.number === item)?.criteria.find((c) => c.number === criterion)?.points;
    if (points === undefined) continue;
    if (!found.least && points === bounds.least) found.least = { facts: shown, points };
    if (!found.most && points === bounds.most) found.most = { facts: shown, points };
  }
  return found;
}

// What the process tests check after a fault: every save the server acknowledged is stored, and
// every stored row agrees with itself and with its audit entry (nothing half-written).
import { expect } from "vitest";
import { trpcHttp } from "./helpers.ts";

/**
 * `acked` maps each subject id to the last revision a save of it was acknowledged with; subject
 * number `index` is named `c<index>-r<revision>` by every save, so a row whose name disagrees
 * with its revision was half-written. At most one more save than acknowledged may have landed
 * (its answer was lost with the connection or the process).
 */
export async function checkSaves(
  url: string,
  subjects: number[],
  acked: Map<number, number>,
  headers: Record<string, string>,
) {
  for (const [index, id] of subjects.entries()) {
    const got = await trpcHttp(url, "subjects.get", { id }, { method: "GET", headers });
    const subject = got.body.result!.data as { name: string; revision: number };
    expect(subject.revision).toBeGreaterThanOrEqual(acked.get(id)!);
    expect(subject.revision).toBeLessThanOrEqual(acked.get(id)! + 1);
    expect(subject.name).toBe(`c${index}-r${subject.revision}`);
    const audit = await trpcHttp(
      url,
      "audit.list",
      { entity: "subject", entityId: id, limit: 1 },
      { method: "GET", headers },
    );
    const [last] = audit.body.result!.data as { after: { revision: number; name: string } }[];
    expect(last?.after).toMatchObject({ revision: subject.revision, name: subject.name });
  }
}

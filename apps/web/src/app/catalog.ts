import { useQuery } from "@tanstack/react-query";
import { type RouterOutputs, useTRPC } from "../trpc.ts";

export type RubricEntry = RouterOutputs["rubrics"]["list"][number];

/** Every rubric with its published version and draft; the subject kinds come from here. */
export function useRubricCatalog() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.rubrics.list.queryOptions(), staleTime: 60_000 });
}

/** The subject kinds that have a rubric, in the catalogue's order. */
export function useSubjectKinds(): string[] {
  const catalog = useRubricCatalog();
  return [...new Set((catalog.data ?? []).map((r) => r.subjectKind).filter((k) => k !== ""))];
}

import { createContext, useContext } from "react";
import type { Role } from "./permissions.ts";

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface PeriodInfo {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

export interface ShellState {
  readonly user: SessionUser;
  readonly periods: readonly PeriodInfo[];
  /** The period every screen shows; null only when no period exists yet. */
  readonly period: PeriodInfo | null;
  readonly setPeriod: (id: number) => void;
}

export const ShellContext = createContext<ShellState | null>(null);

/** The logged-in user and the chosen period; only for screens inside the shell. */
export function useShell(): ShellState {
  const state = useContext(ShellContext);
  if (!state) throw new Error("useShell outside the application shell");
  return state;
}

// Which role may see which screen. The server enforces permissions; this only keeps the navigation
// from offering what would be refused.

export type Role = "admin" | "policy" | "assessor" | "reviewer" | "viewer";

export type Screen = "dashboard" | "subjects" | "rankings" | "rubrics" | "admin";

const screensByRole: Readonly<Record<Role, readonly Screen[]>> = {
  admin: ["dashboard", "subjects", "rankings", "rubrics", "admin"],
  policy: ["dashboard", "subjects", "rankings", "rubrics"],
  assessor: ["dashboard", "subjects", "rankings"],
  reviewer: ["dashboard", "subjects", "rankings"],
  viewer: ["dashboard", "subjects", "rankings"],
};

/** The screens a role sees in the navigation, in menu order. */
export function screensFor(role: Role): readonly Screen[] {
  return screensByRole[role];
}

/** Whether a role may open a screen at all. */
export function canSee(role: Role, screen: Screen): boolean {
  return screensByRole[role].includes(screen);
}

/** Whether a role may create, edit and import subjects (the server decides again on every request). */
export function canEditSubjects(role: Role): boolean {
  return role === "admin";
}

/** Whether a role may enter facts in an assessment. */
export function canEditFacts(role: Role): boolean {
  return role === "admin" || role === "assessor";
}

/** Whether a role may approve or return a submitted assessment. */
export function canReview(role: Role): boolean {
  return role === "admin" || role === "reviewer";
}

/** Whether a role may edit and publish rubrics. */
export function canEditRubrics(role: Role): boolean {
  return role === "admin" || role === "policy";
}

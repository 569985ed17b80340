import type { Messages } from "./zh-cn.ts";

export const en: Messages = {
  app: { name: "Kaoping", fullName: "Quality programme assessment", language: "Language", logout: "Log out", loading: "Loading…", skip: "Skip to main content" },
  nav: { dashboard: "Dashboard", subjects: "Subjects", assessments: "Assessments", rankings: "Rankings", rubrics: "Rubrics", admin: "Administration", menu: "Navigation" },
  roles: { admin: "Admin", policy: "Policy", assessor: "Assessor", reviewer: "Reviewer", viewer: "Viewer" },
  status: { none: "Not started", draft: "Draft", submitted: "Submitted", approved: "Approved", returned: "Returned" },
  common: {
    colon: ": ", comma: ", ", save: "Save", cancel: "Cancel", create: "Create", edit: "Edit", delete: "Delete", search: "Search", all: "All",
    kind: "Subject kind", period: "Period", status: "Status", total: "Total", actions: "Actions", name: "Name", code: "Code",
    yes: "Yes", no: "No", close: "Close", confirm: "OK", error: "Something went wrong", retry: "Retry", none: "None", points: "pts",
    rank: "Rank", item: "Item", criterion: "Criterion", notFound: "Page not found", forbidden: "You may not see this page",
    back: "Back", print: "Print", exportXlsx: "Export Excel", open: "Open", reason: "Reason", comment: "Comment", time: "Time", user: "User",
  },
  login: {
    title: "Log in", username: "User name", password: "Password", submit: "Log in", failed: "Wrong user name or password",
    tooMany: "Too many attempts; try again later", required: "Enter the {{field}}",
  },
  dashboard: {
    title: "Overview", progress: "Progress per subject kind", distribution: "Distribution of totals", lost: "Items where most points are lost",
    average: "Average", count: "Subjects", lostPoints: "Average points lost", noData: "No data yet", subjects: "subjects",
  },
  subjects: {
    title: "Subjects", searchPlaceholder: "Search by name or code", create: "New subject", editTitle: "Edit subject",
    import: "Import", attributes: "Attributes", assessment: "Sheet", openAssessment: "Score", saved: "Saved",
    nameRequired: "Enter a name", codeRequired: "Enter a code", kindRequired: "Choose a subject kind",
  },
  import: {
    title: "Import from Excel or CSV", choose: "Choose a file (.xlsx or .csv)", hint: "First row is the header: code, name, kind; other columns are input names of the rubric (optional).",
    preview: "Preview", rows: "{{count}} rows", willCreate: "New", willUpdate: "Update", unchanged: "Unchanged", invalid: "Has errors",
    row: "Row", errors: "Errors", apply: "Import {{count}} rows", applied: "Imported {{count}} rows", fixFirst: "Fix the rows with errors, or leave them out, before importing",
    unknownColumn: "Unknown column “{{column}}” will be ignored", missing: "“{{field}}” is missing", badKind: "No subject kind “{{value}}”",
    duplicate: "Code “{{code}}” repeats in the file (row {{row}})", badValue: "“{{field}}” value “{{value}}” is invalid: {{message}}", encoding: "Encoding",
    empty: "The file has no data rows", readFailed: "Cannot read the file: {{message}}", factsSaved: "Facts written into {{count}} assessments of {{period}}", defaultKind: "When the file has no kind column:", skipInvalid: "Leave out the rows with errors", facts: "Facts",
  },
  assessment: {
    title: "Scoring sheet", subject: "Subject", rubric: "Rubric", revision: "Revision", live: "Live score", standard: "Standard", obtained: "Obtained",
    content: "What is assessed", method: "How it is scored", seq: "No.", bounds: "Range", boundsOpen: "from {{min}}, no cap", boundsRange: "{{min}} – {{max}}",
    suggestion: "Suggested: {{value}}", useSuggestion: "Use suggestion", reasonRequired: "A reason is required below the maximum", reasonLabel: "Reason for the score",
    evidence: "Evidence", upload: "Upload", uploadFailed: "Upload failed: {{message}}", noEvidence: "No evidence yet",
    save: "Save", submit: "Submit for review", approve: "Approve", return: "Return", returnComment: "Why it is returned", commentRequired: "Enter a comment",
    saved: "Saved (revision {{revision}})", submitted: "Submitted for review", approved: "Approved", returned: "Returned",
    conflictTitle: "Save conflict", conflictText: "While you were editing, someone else saved this sheet as revision {{revision}}. The answers either of you changed:",
    conflictReload: "Discard my changes and reload", conflictOverwrite: "Overwrite with my changes", conflictField: "Input", theirs: "Their value", mine: "My value",
    history: "History", invalid: "{{count}} inputs need fixing", missingFact: "not filled", grade: "Grade", veto: "Veto: {{reason}}",
    print: "Print view", export: "Export Excel", notStarted: "Not scored yet", start: "Start scoring", readOnly: "Not editable in this status",
    bonus: "bonus", general: "General facts", step: "step {{step}}", historyStep: "Step", historyDetail: "Details", historyEvidenceAdded: "Evidence added", historyEvidenceRemoved: "Evidence removed", historyRevision: "Revision {{revision}}", historyTotal: "Total {{before}} → {{after}}", historyNoFactChange: "No input changed", historyChanges: "{{count}} inputs changed", historyUnknownUser: "(unknown user)", conflictBy: "While you were editing, {{name}} ({{role}}) changed this sheet to revision {{revision}}. The answers either of you changed:", conflictNoFacts: "They changed no answer (perhaps the status).", reasonFor: "Why", percentHint: "Enter percent points, e.g. 40 for 40 %", unit: "Unit: {{unit}}", unexplained: "—",
  },
  rankings: { title: "Rankings", chart: "Totals ranked", table: "Ranking", perItem: "Compare by item", select: "Pick subjects to compare (up to 5)", summary: "Export summary" },
  rubrics: {
    title: "Rubrics", editor: "Editor", versions: "Versions", published: "Published", draft: "Draft", format: "Format", runTests: "Run tests",
    bounds: "Bounds", diff: "Diff against published", impact: "Impact on this period", publish: "Publish", publishNote: "Publication note", noteRequired: "Enter a note",
    diagnostics: "Diagnostics", noDiagnostics: "No problems found", line: "line {{line}}", testsPassed: "{{passed}} passed, {{failed}} failed",
    expected: "Expected", actual: "Actual", saveDraft: "Save draft", publishedOk: "Published version {{version}}", gains: "Gains", losses: "Losses",
    changed: "Subjects whose score changes", oldTotal: "Old total", newTotal: "New total", delta: "Change", oldRank: "Old rank", newRank: "New rank", noChanges: "No subject's score changes",
    author: "Author", note: "Note", hash: "Hash", loadVersion: "Load this version", cannotPublish: "Cannot publish with errors", select: "Choose a rubric",
    keywords: "Keywords", keywordsZh: "Chinese keywords", keywordsEn: "English keywords", fixSyntaxFirst: "Fix the syntax errors first", create: "New rubric", key: "Id (letters, digits, underscore)", keyHelp: "Starts with a letter; letters, digits and _ only, e.g. town_quality", keyTaken: "This id is taken", titleLabel: "Title", added: "Added", removed: "Removed", modified: "Changed", structural: "Structural changes",
  },
  admin: {
    title: "Administration", users: "Users", tokens: "API tokens", createUser: "New user", displayName: "Display name", roles: "Roles", active: "Active",
    createToken: "New token", tokenName: "Token name", tokenShown: "Copy this token now; it is shown only once:", revoke: "Revoke", revoked: "Revoked",
    lastUsed: "Last used", created: "Created", newPassword: "Initial password", audit: "Audit log", procedure: "Action",
  },
};

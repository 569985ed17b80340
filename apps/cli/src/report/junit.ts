// JUnit XML for `kaoping test --junit FILE`, the report CI servers (Jenkins, GitLab, GitHub
// actions) show: one <testsuite> per rubric file, one <testcase> per test written in it; a
// failed expectation is a <failure>, a rubric that does not compile an <error>.

export interface JunitCase {
  readonly name: string;
  /** Null when the test passed. */
  readonly failure: { readonly message: string; readonly details: string } | null;
}

export interface JunitSuite {
  readonly name: string;
  /** The rubric did not compile: its diagnostics, and no test could run. */
  readonly error: string | null;
  readonly cases: readonly JunitCase[];
  readonly seconds: number;
}

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot hold. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;");
}

/** Content keeps its line breaks (only attributes need them escaped). */
function content(text: string): string {
  return xml(text).replace(/&#10;/g, "\n");
}

/** The JUnit XML document of a test run; `timestamp` is when it started. */
export function junitXml(suites: readonly JunitSuite[], timestamp: Date): string {
  const count = (f: (s: JunitSuite) => number) => suites.reduce((n, s) => n + f(s), 0);
  const tests = (s: JunitSuite) => s.cases.length + (s.error === null ? 0 : 1);
  const failures = (s: JunitSuite) => s.cases.filter((c) => c.failure).length;
  const errors = (s: JunitSuite) => (s.error === null ? 0 : 1);
  const time = (s: number) => s.toFixed(3);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="kaoping" tests="${count(tests)}" failures="${count(failures)}" errors="${count(errors)}" time="${time(count((s) => s.seconds))}">`,
  ];
  for (const s of suites) {
    lines.push(
      `  <testsuite name="${xml(s.name)}" tests="${tests(s)}" failures="${failures(s)}" errors="${errors(s)}" skipped="0" time="${time(s.seconds)}" timestamp="${timestamp.toISOString().slice(0, 19)}">`,
    );
    if (s.error !== null) {
      lines.push(
        `    <testcase classname="${xml(s.name)}" name="${xml(s.name)}">`,
        `      <error message="${xml(s.error.split("\n")[0] ?? "")}">${content(s.error)}</error>`,
        `    </testcase>`,
      );
    }
    for (const c of s.cases) {
      if (!c.failure) {
        lines.push(`    <testcase classname="${xml(s.name)}" name="${xml(c.name)}"/>`);
        continue;
      }
      lines.push(
        `    <testcase classname="${xml(s.name)}" name="${xml(c.name)}">`,
        `      <failure message="${xml(c.failure.message)}" type="expectation">${content(c.failure.details)}</failure>`,
        `    </testcase>`,
      );
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`, "");
  return lines.join("\n");
}

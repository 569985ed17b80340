// Browser tests: a real server on a free port with a fresh embedded database, driven through
// Debian's Chromium. Screenshots of the main screens go to apps/web/test-results/. The tests run in
// order and build on each other (the scoring tests make the assessment later tests read).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { accessTests } from "./access.tests.ts";
import { rubricTests } from "./rubrics.tests.ts";
import { scoringTests } from "./scoring.tests.ts";
import { Session } from "./session.ts";
import { subjectTests } from "./subjects.tests.ts";

describe("Kaoping in Chromium", () => {
  const s = new Session();
  before(() => s.start());
  after(() => s.stop());

  scoringTests(s);
  rubricTests(s);
  subjectTests(s);
  accessTests(s);

  test("no page threw an uncaught error", () => {
    assert.deepEqual(s.pageErrors, []);
  });
});

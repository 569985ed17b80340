// SARIF 2.1.0 for `kaoping check --format sarif`: what code scanning tools (GitHub, GitLab, IDE
// viewers) read. One run; a rule per diagnostic code that occurs; paths relative to the working
// directory under %SRCROOT%, percent-encoded (rubric files often have Chinese names); columns in
// code points, as the checker counts them.
import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { lineColumn, type Diagnostic, type MessageLanguage, type SourceFile } from "@kaoping/language";

export interface CheckedFile {
  readonly file: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

const SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** A file's URI relative to `root` when it lies below it, else an absolute file URI. */
function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, path);
  if (rel.startsWith("..") || rel === "" || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep))
    return { uri: pathToFileURL(path).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

function region(file: SourceFile, span: Diagnostic["span"]) {
  const start = lineColumn(file, span.start);
  const end = lineColumn(file, span.end);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** The SARIF log of a check run over `files`, messages in `lang`, paths relative to `root`. */
export function sarifLog(files: readonly CheckedFile[], lang: MessageLanguage, version: string, root: string): object {
  const ruleIds = [...new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)))].sort();
  const severityOf = new Map(files.flatMap((f) => f.diagnostics.map((d) => [d.code, d.severity] as const)));
  const artifacts = files.map((f) => ({ location: artifactLocation(f.file.path, root) }));
  const results = files.flatMap((f, fileIndex) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIds.indexOf(d.code),
      level: d.severity,
      message: { text: d.help ? `${d.message[lang]}\n${d.help[lang]}` : d.message[lang] },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...artifactLocation(f.file.path, root), index: fileIndex },
            region: region(f.file, d.span),
          },
        },
      ],
      ...(d.related && d.related.length > 0
        ? {
            relatedLocations: d.related.map((r, id) => ({
              id,
              message: { text: r.message[lang] },
              physicalLocation: {
                artifactLocation: { ...artifactLocation(f.file.path, root), index: fileIndex },
                region: region(f.file, r.span),
              },
            })),
          }
        : {}),
    })),
  );
  return {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "kaoping",
            version,
            semanticVersion: version,
            rules: ruleIds.map((id) => ({ id, defaultConfiguration: { level: severityOf.get(id) ?? "error" } })),
          },
        },
        language: lang === "zh" ? "zh-CN" : "en-US",
        columnKind: "unicodeCodePoints",
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(root.endsWith(sep) ? root : root + sep).href } },
        artifacts,
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
}

// 佐证材料: which files are accepted as evidence, and reading one for download. A file must have
// an allowed extension, a matching declared type, and content that starts like that type, so that
// an HTML page renamed to .pdf is refused.
import type { Context } from "./context.ts";
import { refuse } from "./messages.ts";

interface FileType {
  readonly contentType: string;
  /** Leading bytes every file of this type starts with. */
  readonly magic: readonly number[];
}

const PDF: FileType = { contentType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] };
const PNG: FileType = { contentType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] };
const JPEG: FileType = { contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff] };
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Allowed evidence files by extension. */
export const EVIDENCE_TYPES: Readonly<Record<string, FileType>> = {
  pdf: PDF,
  png: PNG,
  jpg: JPEG,
  jpeg: JPEG,
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: ZIP },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: ZIP },
  doc: { contentType: "application/msword", magic: OLE },
  xls: { contentType: "application/vnd.ms-excel", magic: OLE },
  // OFD is China's standard format for electronic documents (a zip package).
  ofd: { contentType: "application/ofd", magic: ZIP },
};

/** The file type of an upload, or a message saying why it is refused. */
export function checkEvidenceFile(
  name: string,
  declaredType: string,
  bytes: Uint8Array,
  maxBytes: number,
): { ok: true; contentType: string } | { ok: false; path: string; message: string } {
  const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const type = EVIDENCE_TYPES[ext];
  if (!type) {
    return {
      ok: false,
      path: "name",
      message: `files of type ".${ext}" are not accepted; use one of ${Object.keys(EVIDENCE_TYPES).join(", ")}`,
    };
  }
  if (bytes.byteLength === 0) return { ok: false, path: "dataBase64", message: "the file is empty" };
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      path: "dataBase64",
      message: `the file is ${bytes.byteLength} bytes; the limit is ${maxBytes}`,
    };
  }
  const declared = declaredType.split(";")[0]!.trim().toLowerCase();
  if (declared !== type.contentType && declared !== "application/octet-stream" && declared !== "") {
    return { ok: false, path: "contentType", message: `a .${ext} file must be ${type.contentType}, not ${declared}` };
  }
  if (!type.magic.every((b, i) => bytes[i] === b)) {
    return { ok: false, path: "dataBase64", message: `the content is not a .${ext} file` };
  }
  return { ok: true, contentType: type.contentType };
}

export interface EvidenceFile {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** One evidence file for a signed-in user. */
export async function readEvidence(ctx: Context, id: number): Promise<EvidenceFile> {
  if (ctx.unavailable !== undefined) throw ctx.unavailable;
  if (!ctx.user) throw refuse("UNAUTHORIZED", "signInFirst", {});
  const row = await ctx.db
    .selectFrom("evidence")
    .select(["name", "content_type", "bytes"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw refuse("NOT_FOUND", "evidenceNotFound", { id: id });
  return { name: row.name, contentType: row.content_type, bytes: row.bytes };
}

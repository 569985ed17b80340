// What the server says when it refuses, in one table: a stable key per message, its parameters,
// and its words in Chinese and English. An error carries the key and parameters (ServerError);
// the error formatter writes the message in the request's language (Accept-Language, zh-CN by
// default) and puts the key and parameters in the error's data, so that a client can say it in
// its own words (the web app translates every key: its locale files are checked against
// SERVER_MESSAGE_KEYS). Keys are part of the API: add new ones, never rename.
import { TRPCError } from "@trpc/server";

/** The two languages the server answers in. */
export type Lang = "zh" | "en";

/** A parameter value: plain, or words in both languages (resolved to the request's before sending). */
export type ParamValue = string | number | { readonly zh: string; readonly en: string };
type Params = Readonly<Record<string, ParamValue>>;

const both = (zh: string, en: string) => ({ zh, en });
const STATUS: Record<string, { zh: string; en: string }> = {
  draft: both("草稿", "draft"),
  submitted: both("已提交", "submitted"),
  approved: both("已通过", "approved"),
  returned: both("已退回", "returned"),
};
const ROLE: Record<string, { zh: string; en: string }> = {
  admin: both("管理员", "admin"),
  policy: both("政策制定", "policy"),
  assessor: both("评分员", "assessor"),
  reviewer: both("审核员", "reviewer"),
  viewer: both("只读", "viewer"),
};
const ENTITY: Record<string, { zh: string; en: string }> = {
  assessment: both("考核表", "assessment"),
  subject: both("考核对象", "subject"),
  "rubric draft": both("评分细则草稿", "rubric draft"),
  user: both("用户", "user"),
  period: both("考核期", "period"),
};
const word = (table: Record<string, { zh: string; en: string }>, value: string) => table[value] ?? both(value, value);

/** An assessment status in both languages. */
export const statusWord = (status: string) => word(STATUS, status);
/** A role in both languages. */
export const roleWord = (role: string) => word(ROLE, role);
/** What kind of record a revision conflict is about, in both languages. */
export const entityWord = (entity: string) => word(ENTITY, entity);

// Each message: its parameters' names, and how each language says it. Parameters arrive resolved
// to the language being written, so every one is a string or a number here.
type Say<P extends string> = (p: Readonly<Record<P, string | number>>) => string;
const message = <P extends string = never>(zh: Say<P>, en: Say<P>) => ({ zh, en });

export const SERVER_MESSAGES = {
  signInFirst: message(
    () => "请先登录",
    () => "sign in first",
  ),
  roleRequired: message<"roles" | "role">(
    (p) => `此操作需要以下角色之一：${p.roles}；您的角色是${p.role}`,
    (p) => `this needs one of the roles ${p.roles}; you are ${p.role}`,
  ),
  notInBatch: message<"path" | "calls">(
    (p) => `${p.path} 须单独发送，不能放在含 ${p.calls} 个调用的批量请求中`,
    (p) => `${p.path} must be sent on its own, not in a batch of ${p.calls} calls`,
  ),
  invalidInput: message<"details">(
    (p) => `${p.details}`,
    (p) => `${p.details}`,
  ),
  wrongPassword: message(
    () => "用户名或密码错误",
    () => "wrong username or password",
  ),
  currentPasswordWrong: message(
    () => "current：当前密码不正确",
    () => "current: the current password is wrong",
  ),
  tooManyPasswords: message<"seconds">(
    (p) => `密码错误次数过多，请 ${p.seconds} 秒后再试`,
    (p) => `too many wrong passwords; try again in ${p.seconds} s`,
  ),
  usernameTaken: message<"username">(
    (p) => `用户名「${p.username}」已被占用`,
    (p) => `username "${p.username}" is taken`,
  ),
  cannotDemoteSelf: message(
    () => "不能停用自己，也不能取消自己的管理员角色",
    () => "you cannot disable yourself or give up your own admin role",
  ),
  userNotFound: message<"id">(
    (p) => `没有编号为 ${p.id} 的用户`,
    (p) => `no user ${p.id}`,
  ),
  tokenNotFound: message<"id">(
    (p) => `没有编号为 ${p.id} 的有效令牌`,
    (p) => `no active token ${p.id}`,
  ),
  periodNotFound: message<"id">(
    (p) => `没有编号为 ${p.id} 的考核期`,
    (p) => `no period ${p.id}`,
  ),
  subjectNotFound: message<"id">(
    (p) => `没有编号为 ${p.id} 的考核对象`,
    (p) => `no subject ${p.id}`,
  ),
  subjectHasAssessments: message<"id">(
    (p) => `考核对象 ${p.id} 已有考核表，不能删除`,
    (p) => `subject ${p.id} has assessments and cannot be deleted`,
  ),
  assessmentNotFound: message<"id">(
    (p) => `没有编号为 ${p.id} 的考核表`,
    (p) => `no assessment ${p.id}`,
  ),
  assessmentExists: message<"subject" | "assessment">(
    (p) => `考核对象 ${p.subject} 在本考核期已有考核表 ${p.assessment}`,
    (p) => `subject ${p.subject} already has assessment ${p.assessment} in this period`,
  ),
  noPublishedRubric: message<"kind">(
    (p) => `「${p.kind}」类考核对象还没有已发布的评分细则`,
    (p) => `no published rubric for subjects of kind "${p.kind}"`,
  ),
  wrongStatus: message<"id" | "status" | "needed">(
    (p) => `考核表 ${p.id} 的状态是「${p.status}」，此操作需要「${p.needed}」`,
    (p) => `assessment ${p.id} is ${p.status}; this needs ${p.needed}`,
  ),
  notYourAssessment: message<"id" | "period">(
    (p) => `考核表 ${p.id} 既未分配给您，也不是您创建的；在考核期「${p.period}」中评分员只能修改自己的考核表`,
    (p) =>
      `assessment ${p.id} is neither assigned to you nor opened by you; in period ${p.period} assessors edit only their own`,
  ),
  fourEyes: message<"id" | "period">(
    (p) => `双人复核：考核表 ${p.id} 是您提交的，须由他人审核通过（考核期「${p.period}」）`,
    (p) => `four-eyes: you submitted assessment ${p.id}, so someone else must approve it (period ${p.period})`,
  ),
  evidenceOnlyInDraft: message<"status">(
    (p) => `考核表状态为「${p.status}」；只有草稿或退回的考核表可以修改佐证材料`,
    (p) => `the assessment is ${p.status}; evidence can change only in a draft`,
  ),
  evidenceNotFound: message<"id">(
    (p) => `没有编号为 ${p.id} 的佐证材料`,
    (p) => `no evidence file ${p.id}`,
  ),
  rubricVersionNotFound: message<"id">(
    (p) => `没有编号为 ${p.id} 的评分细则版本`,
    (p) => `no rubric version ${p.id}`,
  ),
  rubricKeyMismatch: message<"declared" | "key">(
    (p) => `source：源文本声明的评分细则是「${p.declared}」，不是「${p.key}」`,
    (p) => `source: the source declares rubric "${p.declared}", not "${p.key}"`,
  ),
  noDraft: message<"key">(
    (p) => `评分细则「${p.key}」没有草稿；新建草稿时 revision 应为 null`,
    (p) => `rubric "${p.key}" has no draft; send revision null to start one`,
  ),
  noDraftToPublish: message<"key">(
    (p) => `评分细则「${p.key}」没有可发布的草稿`,
    (p) => `rubric "${p.key}" has no draft to publish`,
  ),
  draftHasErrors: message<"count" | "details">(
    (p) => `草稿有 ${p.count} 个错误，请先修正：${p.details}`,
    (p) => `the draft has ${p.count} error(s); fix them first: ${p.details}`,
  ),
  rubricTestsFail: message<"details">(
    (p) => `评分细则自带的测试未通过：${p.details}`,
    (p) => `the rubric's own tests fail: ${p.details}`,
  ),
  revisionConflict: message<"entity" | "id" | "current" | "sent">(
    (p) => `${p.entity} ${p.id} 已被他人修改：当前版本号为 ${p.current}，您提交的是 ${p.sent}`,
    (p) => `${p.entity} ${p.id} was changed by someone else: current revision is ${p.current}, you sent ${p.sent}`,
  ),
  duplicateRecord: message(
    () => "已有相同的记录",
    () => "a record with the same key already exists",
  ),
  referencedRecord: message(
    () => "引用的记录不存在或仍被使用",
    () => "a record it refers to does not exist, or is still in use",
  ),
  valueNotStorable: message(
    () => "数据库无法保存这个值（超出范围或格式不对）",
    () => "a value cannot be stored (out of range or malformed)",
  ),
  clashed: message(
    () => "与另一个修改冲突，请重试",
    () => "this clashed with another change: try again",
  ),
  databaseUnavailable: message(
    () => "数据库暂时不可用，请稍后再试。",
    () => "The database is unavailable; try again in a moment.",
  ),
  internalError: message<"requestId">(
    (p) => `服务器内部错误，已记录（请求编号：${p.requestId}）`,
    (p) => `internal server error, logged on the server (request id: ${p.requestId})`,
  ),
} as const;

export type ServerMessageKey = keyof typeof SERVER_MESSAGES;

/** Every message key, for clients that translate them (the web app's locale test). */
export const SERVER_MESSAGE_KEYS = Object.keys(SERVER_MESSAGES) as ServerMessageKey[];

/** The parameters message `K` needs, by name. */
export type MessageParams<K extends ServerMessageKey> = Readonly<
  Record<keyof Parameters<(typeof SERVER_MESSAGES)[K]["en"]>[0], ParamValue>
>;

/** Parameters as sent for `lang`: words in both languages resolved to that one. */
export function paramsIn(params: Params, lang: Lang): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "object" ? v[lang] : v] as const));
}

/** Message `key` with `params`, in `lang`. */
export function serverMessage<K extends ServerMessageKey>(key: K, params: MessageParams<K>, lang: Lang): string {
  const say = SERVER_MESSAGES[key][lang] as (p: Record<string, string | number>) => string;
  return say(paramsIn(params as Params, lang));
}

/**
 * A refusal with a message key: its own `message` is the English text (logs, and callers without
 * HTTP); over HTTP the formatter writes it in the request's language.
 */
export class ServerError<K extends ServerMessageKey = ServerMessageKey> extends TRPCError {
  constructor(
    code: TRPCError["code"],
    readonly key: K,
    readonly params: MessageParams<K>,
    cause?: unknown,
  ) {
    super({ code, message: serverMessage(key, params, "en"), ...(cause === undefined ? {} : { cause }) });
  }
}

/** Shorthand: `throw refuse("NOT_FOUND", "assessmentNotFound", { id })`. */
export function refuse<K extends ServerMessageKey>(
  code: TRPCError["code"],
  key: K,
  params: MessageParams<K>,
  cause?: unknown,
): ServerError<K> {
  return new ServerError(code, key, params, cause);
}

/**
 * The language to answer in, from an Accept-Language header: the first of zh or en by the
 * client's preference (q values), Chinese when it names neither or sends none.
 */
export function languageFrom(header: string | undefined): Lang {
  if (!header) return "zh";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((r) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "en" || tag.startsWith("en-")) return "en";
    if (tag === "zh" || tag.startsWith("zh-")) return "zh";
  }
  return "zh";
}

// Every diagnostic the language reports, with its stable code, severity and wording. Codes never
// change meaning; retired codes are not reused. 1xx text, 2xx syntax, 3xx names, 4xx types,
// 5xx structure and sums, 6xx tests, 7xx warnings, 9xx the tools' own faults, reported as data
// instead of thrown. (8xx belong to the engine's analyses.)

export type Severity = "error" | "warning";

/** A message in both languages the tool speaks. */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

interface Entry<A> {
  readonly severity: Severity;
  readonly message: (args: A) => Message;
}

function entry<A = Record<string, never>>(severity: Severity, message: (args: A) => Message): Entry<A> {
  return { severity, message };
}

type S = string;

export const codes = {
  KP101: entry<{ text: S }>("error", ({ text }) => ({
    zh: `无法识别的字符「${text}」`,
    en: `unexpected character "${text}"`,
  })),
  KP102: entry("error", () => ({ zh: "文字没有结束的引号", en: "text is missing its closing quote" })),
  KP103: entry<{ found: S; fix: S }>("error", ({ found, fix }) => ({
    zh: `全角符号 ${found} 应写成 ${fix}`,
    en: `full-width ${found} should be ${fix}`,
  })),
  KP104: entry<{ text: S }>("error", ({ text }) => ({
    zh: `关键字和名称连在了一起：「${text}」`,
    en: `keywords and names run together: "${text}"`,
  })),
  KP105: entry<{ limit: number }>("error", ({ limit }) => ({
    zh: `表达式嵌套超过 ${limit} 层`,
    en: `expression nested deeper than ${limit} levels`,
  })),
  KP106: entry<{ limit: number }>("error", ({ limit }) => ({
    zh: `表达式超过 ${limit} 项`,
    en: `expression longer than ${limit} terms`,
  })),
  KP107: entry<{ found: S; fix: S }>("error", ({ found, fix }) => ({
    zh: `比较要写成符号：「${found}」应写成 ${fix}`,
    en: `write a comparison as its symbol: ${fix} for "${found}"`,
  })),

  KP108: entry<{ limit: number }>("error", ({ limit }) => ({
    zh: `大括号嵌套超过 ${limit} 层`,
    en: `blocks nested deeper than ${limit} levels`,
  })),

  KP201: entry<{ expected: Message; found: Message }>("error", ({ expected, found }) => ({
    zh: `这里应为${expected.zh}，却是${found.zh}`,
    en: `expected ${expected.en}, found ${found.en}`,
  })),
  KP202: entry("error", () => ({
    zh: "文件应以「评分细则」开头",
    en: "a rubric file starts with `rubric`",
  })),
  KP203: entry<{ field: Message }>("error", ({ field }) => ({
    zh: `缺少${field.zh}`,
    en: `missing ${field.en}`,
  })),
  KP204: entry<{ field: Message }>("error", ({ field }) => ({
    zh: `${field.zh}写了两次`,
    en: `${field.en} is given twice`,
  })),
  KP205: entry<{ text: S }>("error", ({ text }) => ({
    zh: `日期 ${text} 不存在`,
    en: `there is no date ${text}`,
  })),
  KP206: entry<{ text: S }>("error", ({ text }) => ({
    zh: `编号 ${text} 应为正整数`,
    en: `number ${text} should be a whole number above 0`,
  })),
  KP207: entry<{ text: S }>("error", ({ text }) => ({
    zh: `期望中的细则 ${text} 应写成「项目号.细则号」`,
    en: `a criterion in an expectation is written item.criterion, not ${text}`,
  })),

  KP301: entry<{ name: S }>("error", ({ name }) => ({
    zh: `未定义的名称「${name}」`,
    en: `unknown name "${name}"`,
  })),
  KP302: entry<{ name: S }>("error", ({ name }) => ({
    zh: `名称「${name}」定义了两次`,
    en: `"${name}" is defined twice`,
  })),
  KP303: entry<{ item: S }>("error", ({ item }) => ({
    zh: `项目 ${item} 出现了两次`,
    en: `item ${item} appears twice`,
  })),
  KP304: entry<{ item: S; criterion: S }>("error", ({ item, criterion }) => ({
    zh: `项目 ${item} 中细则 ${criterion} 出现了两次`,
    en: `criterion ${criterion} appears twice in item ${item}`,
  })),
  KP305: entry<{ name: S }>("error", ({ name }) => ({
    zh: `「${name}」在定义之前就被使用，或引用了自己`,
    en: `"${name}" is used before it is defined, or refers to itself`,
  })),
  KP306: entry<{ name: S }>("error", ({ name }) => ({
    zh: `酌情评分须引用「评分」类型的输入，「${name}」不是`,
    en: `a discretionary rule needs an input of type score; "${name}" is not one`,
  })),
  KP307: entry<{ name: S }>("error", ({ name }) => ({
    zh: `评分输入「${name}」被多条细则酌情使用`,
    en: `score input "${name}" is used by more than one discretionary rule`,
  })),

  KP401: entry<{ found: Message }>("error", ({ found }) => ({
    zh: `这里需要一个是否条件，不能用${found.zh}`,
    en: `a yes/no condition is needed here, found ${found.en}`,
  })),
  KP402: entry<{ found: Message }>("error", ({ found }) => ({
    zh: `这里需要一个数，不能用${found.zh}`,
    en: `a number is needed here, found ${found.en}`,
  })),
  KP403: entry<{ left: Message; right: Message }>("error", ({ left, right }) => ({
    zh: `不能把${left.zh}和${right.zh}相比较或相加减`,
    en: `cannot compare or add ${left.en} and ${right.en}`,
  })),
  KP404: entry<{ divisor: S }>("error", ({ divisor }) => ({
    zh: `除数「${divisor}」可能为零`,
    en: `the divisor "${divisor}" can be zero`,
  })),
  KP405: entry<{ what: Message; type: Message }>("error", ({ what, type }) => ({
    zh: `${what.zh}的值应为${type.zh}`,
    en: `the value of ${what.en} should be ${type.en}`,
  })),
  KP406: entry<{ reason: Message }>("error", ({ reason }) => ({
    zh: `评分范围有误：${reason.zh}`,
    en: `invalid score range: ${reason.en}`,
  })),
  KP409: entry<{ figure: S; inner: S; via: S }>("error", ({ figure, inner, via }) => ({
    zh: `「${figure}」的参数依赖另一个参评统计「${inner}」${via ? `（经由「${via}」）` : ""}：参评统计只能取各对象自身的值`,
    en: `the argument of ${figure} depends on another cohort figure, ${inner}${via ? ` (through "${via}")` : ""}: a cohort figure is taken of each subject's own values only`,
  })),

  KP501: entry<{ item: S; sum: S; standard: S }>("error", ({ item, sum, standard }) => ({
    zh: `项目 ${item} 各细则满分合计 ${sum} 分，与标准分 ${standard} 分不符`,
    en: `the criteria of item ${item} add up to ${sum} ${sum === "1" ? "point" : "points"}, not its standard ${standard}`,
  })),
  KP502: entry<{ sum: S; total: S }>("error", ({ sum, total }) => ({
    zh: `各项目标准分合计 ${sum} 分，与满分 ${total} 分不符`,
    en: `the items' standard points add up to ${sum}, not the declared total ${total}`,
  })),
  KP503: entry<{ cap: S; step: S }>("error", ({ cap, step }) => ({
    zh: `加分上限 ${cap} 分低于每次加分 ${step} 分`,
    en: `the bonus cap ${cap} is below its step ${step}`,
  })),
  KP504: entry<{ item: S }>("error", ({ item }) => ({
    zh: `项目 ${item} 没有细则`,
    en: `item ${item} has no criteria`,
  })),
  KP505: entry("error", () => ({
    zh: "等级应从高到低排列，只有最后一档可以不写分数线",
    en: "grades go from highest to lowest; only the last may have no minimum",
  })),
  KP506: entry<{ what: Message; expected: S; found: S }>("warning", ({ what, expected, found }) => ({
    zh: `${what.zh}编号应为 ${expected}，却是 ${found}`,
    en: `expected ${what.en} number ${expected} here, found ${found}`,
  })),
  KP507: entry<{ what: Message }>("warning", ({ what }) => ({
    zh: `缺少${what.zh}`,
    en: `missing ${what.en}`,
  })),

  KP508: entry<{ criterion: S }>("error", ({ criterion }) => ({
    zh: `细则 ${criterion} 的得分没有上限`,
    en: `criterion ${criterion} has no upper limit`,
  })),

  // 52x: the idioms of the sheets (issue 9 §1).
  KP520: entry<{ amount: S }>("error", ({ amount }) => ({
    zh: `扣分规则里单写的上限 ${amount} 分说不清是最多扣 ${amount} 分，还是最低得 ${amount} 分`,
    en: `a limit of ${amount} in a deduction could mean at most ${amount} deducted, or never below ${amount}`,
  })),
  KP521: entry<{ criterion: S; cap: S; most: S }>("warning", ({ criterion, cap, most }) => ({
    zh: `细则 ${criterion} 最多只能扣 ${most} 分，扣分上限 ${cap} 分永远用不上`,
    en: `criterion ${criterion} can never deduct more than ${most}, so its limit of ${cap} deducted never applies`,
  })),
  KP522: entry("error", () => ({
    zh: "取整的是百分比：位数会按小数算（95.55% 是 0.9555），请按百分点取整",
    en: "this rounds a percent, whose digits count in the fraction (95.55% is 0.9555): round its percentage points",
  })),
  KP523: entry<{ found: Message }>("error", ({ found }) => ({
    zh: `「百分点」只用于百分比，这里是${found.zh}`,
    en: `percentage points are counted of a percent, not of ${found.en}`,
  })),
  KP524: entry("error", () => ({
    zh: "保留的小数位数应为 0 至 6 的整数",
    en: "the decimal places to keep are a whole number from 0 to 6",
  })),
  KP525: entry("error", () => ({
    zh: "「每」后面是百分比：每 1 就是每 100%，按百分点计才是每 1 个百分点",
    en: "`per` a percent counts whole 100%s: count percentage points to deduct or add per point",
  })),
  KP526: entry<{ value: S }>("error", ({ value }) => ({
    zh: `百分比的范围要写百分号：${value}%`,
    en: `a percent's range is written with the percent sign: ${value}%`,
  })),
  KP527: entry<{ min: S; max: S }>("error", ({ min, max }) => ({
    zh: `百分比的范围应从小到大：${min} 至 ${max}`,
    en: `a percent's range goes from low to high: ${min} to ${max}`,
  })),

  KP601: entry<{ name: S }>("error", ({ name }) => ({
    zh: `测试中的「${name}」不是输入`,
    en: `"${name}" in the test is not an input`,
  })),
  KP602: entry<{ target: Message }>("error", ({ target }) => ({
    zh: `测试期望的${target.zh}不存在`,
    en: `the test expects ${target.en}, which does not exist`,
  })),
  KP603: entry<{ names: S }>("error", ({ names }) => ({
    zh: `测试缺少输入：${names}`,
    en: `the test does not give: ${names}`,
  })),
  KP604: entry<{ name: S }>("error", ({ name }) => ({
    zh: `测试中「${name}」给了两次`,
    en: `the test gives "${name}" twice`,
  })),
  KP605: entry<{ target: Message }>("error", ({ target }) => ({
    zh: `测试对${target.zh}期望了两次`,
    en: `the test expects ${target.en} twice`,
  })),

  KP606: entry<{ name: S }>("error", ({ name }) => ({
    zh: `没有在前面找到名为「${name}」的测试`,
    en: `there is no earlier test named "${name}"`,
  })),

  KP701: entry<{ name: S }>("warning", ({ name }) => ({
    zh: `输入「${name}」没有被任何细则使用`,
    en: `input "${name}" is not used by any rule`,
  })),
  KP702: entry<{ name: S }>("warning", ({ name }) => ({
    zh: `派生值「${name}」没有被使用`,
    en: `derived value "${name}" is not used`,
  })),
  KP703: entry("warning", () => ({ zh: "评分细则没有测试", en: "the rubric has no tests" })),
  KP704: entry<{ grade: S }>("warning", ({ grade }) => ({
    zh: `等级「${grade}」永远不会得到`,
    en: `grade "${grade}" can never be reached`,
  })),

  KP901: entry<{ keywords: S }>("error", ({ keywords }) => ({
    zh: `格式化程序无法在不改变含义的情况下以「${keywords}」关键字打印此评分细则；文件保持原样（这是格式化程序的缺陷，请报告）`,
    en: `the formatter cannot print this rubric in the "${keywords}" keywords without changing its meaning; the file is left as it is (a fault of the formatter: please report it)`,
  })),
} as const;

export type Code = keyof typeof codes;

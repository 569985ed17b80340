// The starting text of a new rubric: the smallest sheet that checks clean, with one test, so that
// a policy officer edits from something that works.

/** A new rubric's source in Chinese keywords. */
export function rubricTemplate(key: string, title: string, subjectKind: string, year: number): string {
  const text = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return `评分细则 ${key} ${text(title)} {
  对象 ${text(subjectKind)}
  版本 "${year}"
  生效 ${year}-01-01
  满分 10

  项目 1 "示例项目" 标准分 10 {
    内容 "写入原表的考核内容。"
    输入 有工作方案: 是否 "是否制定了工作方案？"

    细则 1 "制定工作方案10分" {
      得 10 分 当 有工作方案
    }
  }

  测试 "全部达标" {
    已知 {
      有工作方案 = 是
    }
    期望 {
      总分 = 10
    }
  }
}
`;
}

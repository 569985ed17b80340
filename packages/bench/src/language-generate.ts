// A generated rubric of n items shaped like the annexes' (content, three inputs, a fixed award, a
// threshold, a deduction and a capped bonus per item, one test over every input), for measuring
// parse + check at a size no real sheet reaches yet. It checks clean, so every stage runs in full.

/** The text of a clean Chinese-keyword rubric with `items` items. */
export function generateRubric(items: number): string {
  const lines: string[] = [
    "# 生成的评分细则，用于测量解析和检查的速度。",
    `评分细则 generated_${items} "生成的评分细则（${items} 个项目）" {`,
    '  对象 "行政村"',
    '  版本 "2026"',
    "  生效 2026-01-01",
    `  满分 ${items * 10}`,
    "",
    '  等级 { "优秀" >= 90  "良好" >= 75  "合格" >= 60  "不合格" }',
  ];
  for (let i = 1; i <= items; i++) {
    lines.push(
      "",
      `  项目 ${i} "第${i}项工作" 标准分 10 {`,
      `    内容 "根据实际情况及时调整完善第${i}项工作的机构，定期召开会议，研究分析质量形势，检查落实工作任务，覆盖率达98%以上。"`,
      `    输入 方案${i}: 是否 "是否制定了第${i}项工作的方案？"`,
      `    输入 不合格数${i}: 计数 "第${i}项抽查中有几个产品不合格？" 说明 "每个扣 1 分，扣完为止。"`,
      `    输入 覆盖率${i}: 百分比 "第${i}项的标准覆盖率是多少？"`,
      "",
      `    细则 1 "制定工作方案3分" {`,
      `      得 3 分 当 方案${i}`,
      "    }",
      `    细则 2 "覆盖率达98%得3分" {`,
      `      得 3 分 当 覆盖率${i} >= 98% 且 方案${i}`,
      "    }",
      `    细则 3 "抽查4分，有一个不合格扣1分" {`,
      `      基础 4 分 每 不合格数${i} 扣 1 分`,
      "    }",
      `    细则 4 "没有不合格的加1分（最多不超过1分）" {`,
      `      加 1 分 当 不合格数${i} = 0`,
      "      最多 1 分",
      "    }",
      "  }",
    );
  }
  lines.push("", '  测试 "全部达标" {', "    已知 {");
  for (let i = 1; i <= items; i++) {
    lines.push(`      方案${i} = 是`, `      不合格数${i} = 0`, `      覆盖率${i} = 100%`);
  }
  lines.push(
    "    }",
    "    期望 {",
    "      项目 1 = 11",
    `      总分 = ${items * 11}`,
    '      等级 = "优秀"',
    "    }",
    "  }",
    "}",
    "",
  );
  return lines.join("\n");
}

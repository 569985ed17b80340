// The Chinese catalogue is the source: the English one must have the same keys (see en.ts).
export const zhCN = {
  app: { name: "考评", fullName: "质量振兴工作考评系统", language: "语言", logout: "退出登录", logoutEverywhere: "退出所有设备", logoutEverywhereHelp: "将结束您在所有设备和浏览器上的登录，包括当前这个。API 令牌不受影响。", loading: "加载中…", skip: "跳到主要内容" },
  nav: { dashboard: "总览", subjects: "考核对象", assessments: "考核评分", rankings: "排名", rubrics: "评分细则", admin: "系统管理", menu: "导航菜单" },
  roles: { admin: "管理员", policy: "政策制定", assessor: "评分员", reviewer: "审核员", viewer: "只读" },
  status: { none: "未开始", draft: "草稿", submitted: "已提交", approved: "已通过", returned: "已退回" },
  common: {
    colon: "：", comma: "，", save: "保存", cancel: "取消", create: "新建", edit: "编辑", delete: "删除", search: "搜索", all: "全部",
    kind: "对象类型", period: "考核期", status: "状态", total: "总分", actions: "操作", name: "名称", code: "编码",
    yes: "是", no: "否", close: "关闭", confirm: "确定", error: "出错了", retry: "重试", none: "无", points: "分",
    rank: "名次", item: "项目", criterion: "细则", notFound: "没有找到该页面", forbidden: "您没有权限查看此页面",
    back: "返回", print: "打印", exportXlsx: "导出 Excel", open: "打开", reason: "理由", comment: "意见", time: "时间", user: "用户",
  },
  login: {
    title: "登录", username: "用户名", password: "密码", submit: "登录", failed: "用户名或密码不正确",
    tooMany: "尝试次数过多，请稍后再试", required: "请输入{{field}}",
  },
  dashboard: {
    title: "考核总览", progress: "各类对象考核进度", distribution: "总分分布", lost: "失分最多的项目",
    average: "平均分", count: "对象数", lostPoints: "平均失分", noData: "暂无数据", subjects: "对象",
  },
  subjects: {
    title: "考核对象", searchPlaceholder: "按名称或编码搜索", create: "新建对象", editTitle: "编辑对象",
    import: "导入", attributes: "属性", assessment: "考核表", openAssessment: "评分", saved: "已保存",
    nameRequired: "请输入名称", codeRequired: "请输入编码", kindRequired: "请选择对象类型",
  },
  import: {
    title: "从 Excel 或 CSV 导入", choose: "选择文件（.xlsx 或 .csv）", hint: "第一行为表头：编码、名称、对象类型，其余列为评分表的输入项名称（可选）。",
    preview: "预览", rows: "共 {{count}} 行", willCreate: "新增", willUpdate: "更新", unchanged: "无变化", invalid: "有错误",
    row: "行号", errors: "错误", apply: "导入 {{count}} 行", applied: "已导入 {{count}} 行", fixFirst: "请先修正错误的行，或取消这些行后再导入",
    unknownColumn: "未知的列“{{column}}”，将被忽略", missing: "缺少“{{field}}”", badKind: "对象类型“{{value}}”不存在",
    duplicate: "编码“{{code}}”在文件中重复（第 {{row}} 行）", badValue: "“{{field}}”的值“{{value}}”无效：{{message}}", encoding: "文件编码",
    empty: "文件中没有数据行", readFailed: "无法读取文件：{{message}}", factsSaved: "已将评分事实写入 {{count}} 个{{period}}考核表", defaultKind: "文件中没有对象类型列时，按：", skipInvalid: "跳过有错误的行", facts: "评分事实",
  },
  assessment: {
    title: "考核评分表", subject: "考核对象", rubric: "评分细则", revision: "修订号", live: "实时得分", standard: "标准分", obtained: "实得分",
    content: "考核内容", method: "评分方法", seq: "序号", bounds: "分值范围", boundsOpen: "{{min}} 起，不设上限", boundsRange: "{{min}} – {{max}}",
    suggestion: "建议分值：{{value}}", useSuggestion: "采用建议值", reasonRequired: "低于满分时必须填写理由", reasonLabel: "评分理由",
    evidence: "佐证材料", upload: "上传", uploadFailed: "上传失败：{{message}}", noEvidence: "暂无佐证材料",
    save: "保存", submit: "提交审核", approve: "审核通过", return: "退回", returnComment: "退回意见", commentRequired: "请填写退回意见",
    saved: "已保存（修订号 {{revision}}）", submitted: "已提交审核", approved: "已审核通过", returned: "已退回", fourEyes: "本考评由您提交，须由他人审核通过（双人复核）。",
    conflictTitle: "保存冲突", conflictText: "在您编辑期间，此考核表已被他人保存为修订号 {{revision}}。以下是双方改动过的输入项：",
    conflictReload: "放弃我的修改并重新加载", conflictOverwrite: "用我的修改覆盖", conflictField: "输入项", theirs: "对方的值", mine: "我的值",
    history: "修改记录", invalid: "有 {{count}} 项输入需要修正", missingFact: "未填写", grade: "等级", veto: "一票否决：{{reason}}",
    print: "打印版", export: "导出 Excel", notStarted: "尚未开始评分", start: "开始评分", readOnly: "当前状态下不可编辑",
    bonus: "加分", general: "基本情况", step: "步长 {{step}}", historyStep: "步骤", historyDetail: "内容", historyEvidenceAdded: "上传佐证材料", historyEvidenceRemoved: "删除佐证材料", historyRevision: "修订号 {{revision}}", historyTotal: "总分 {{before}} → {{after}}", historyNoFactChange: "输入项没有变化", historyChanges: "改动了 {{count}} 项输入", historyUnknownUser: "（未知用户）", conflictBy: "在您编辑期间，{{name}}（{{role}}）已把此考核表改为修订号 {{revision}}。以下是双方改动过的输入项：", conflictNoFacts: "对方没有改动输入项（可能改变了状态）。", reasonFor: "得分说明", percentHint: "填写百分数，例如 40 表示 40%", unit: "单位：{{unit}}", unexplained: "—",
  },
  rankings: { title: "排名", chart: "总分排名", table: "排名表", perItem: "分项对比", select: "选择对象进行对比（最多 5 个）", summary: "导出汇总表" },
  rubrics: {
    title: "评分细则", editor: "编辑器", versions: "版本记录", published: "已发布", draft: "草稿", format: "格式化", runTests: "运行测试",
    bounds: "分值范围", diff: "与已发布版本比较", impact: "对本期考核的影响", publish: "发布", publishNote: "发布说明", noteRequired: "请填写发布说明",
    diagnostics: "诊断信息", noDiagnostics: "没有发现问题", line: "第 {{line}} 行", testsPassed: "{{passed}} 个通过，{{failed}} 个失败",
    expected: "期望", actual: "实际", saveDraft: "保存草稿", publishedOk: "已发布版本 {{version}}", gains: "得分增加", losses: "得分减少",
    changed: "分数变化的对象", oldTotal: "原总分", newTotal: "新总分", delta: "变化", oldRank: "原名次", newRank: "新名次", noChanges: "没有对象的分数发生变化",
    author: "作者", note: "说明", hash: "摘要", loadVersion: "载入此版本", cannotPublish: "有错误时不能发布", select: "选择细则",
    keywords: "关键字", keywordsZh: "中文关键字", keywordsEn: "英文关键字", fixSyntaxFirst: "请先修正语法错误", create: "新建评分细则", key: "编号（英文字母、数字、下划线）", keyHelp: "以字母开头，只含英文字母、数字和下划线，例如 town_quality", keyTaken: "这个编号已被使用", titleLabel: "标题", added: "新增", removed: "删除", modified: "修改", structural: "结构变化",
  },
  admin: {
    title: "系统管理", users: "用户", tokens: "API 令牌", createUser: "新建用户", displayName: "姓名", roles: "角色", active: "启用",
    createToken: "新建令牌", tokenName: "令牌名称", tokenShown: "请立即复制此令牌，它只显示这一次：", revoke: "吊销", revoked: "已吊销",
    lastUsed: "最近使用", created: "创建时间", newPassword: "初始密码", audit: "审计日志", procedure: "操作",
    expiresIn: "有效期", expires: "到期时间", days: "{{count}} 天", periods: "考评周期", dates: "起止日期",
    fourEyes: "双人复核", openEditing: "评分员均可编辑",
    fourEyesHelp: "双人复核：提交考评的人不能审核通过同一份考评，管理员也不例外。",
    openEditingHelp: "未开启“评分员均可编辑”时，评分员只能编辑自己创建或分配给自己的考评。",
  },
};

type DeepStrings<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** The shape every catalogue must have. */
export type Messages = DeepStrings<typeof zhCN>;

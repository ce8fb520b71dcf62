// The formulas of shared/spec/metrics.md §1–§6 as readers see them on the methods page, in both
// languages. `code` spans are written between backticks; {name} is replaced by the value of the
// parameter used for this build (dataset `parameters`).

export const methodSections = [
  {
    id: "periods",
    title: { zh: "§1 期间与病例集", en: "§1 Periods and case sets" },
    items: [
      {
        zh: "住院病例按出院日期、门诊按就诊日期归入月份和年份。",
        en: "A claim belongs to the month and year of its discharge date (inpatient) or visit date (outpatient).",
      },
      {
        zh: "排除病例：住院天数 > {maxLos} 天，或总费用 < {minCost} 元（住院天数 = 出院日期 − 入院日期，当日出院计 1 天）。排除病例不参与权重推算、入组率、CMI、每权重费用和消耗指数，但计入所有基金合计。",
        en: "Excluded cases: LOS > {maxLos} days, or total cost < {minCost} yuan (LOS = discharge date − admission date; a same-day stay counts as 1). They are left out of weight derivation, the grouping rate, CMI, cost per weight and the consumption indexes; they still count in every fund total.",
      },
      {
        zh: "每个住院病例都有一个分组：DRG 编码、`xQY`（歧义病例：有效手术不属于其 MDC 的任何外科 ADRG）或 `0000`（无法入组）。输入带有上游 drg_code 时按其报告，并与本项目分组方案（{scheme}）的结果比对。",
        en: "Every inpatient case gets a group: a DRG code, `xQY` (ambiguous: a valid operation that fits no surgical ADRG of its MDC) or `0000` (ungroupable). Where the input carries an upstream drg_code, reports use it and the project's own grouping (scheme {scheme}) is compared with it.",
      },
      {
        zh: "`入组率 = 入组病例数 / (全部病例数 − 排除病例数)`；入组 = 非 QY、非 0000。",
        en: "`grouping rate = grouped cases / (all cases − excluded cases)`; grouped = neither QY nor 0000.",
      },
    ],
  },
  {
    id: "weights",
    title: { zh: "§2 相对权重（RW）", en: "§2 Relative weights (RW)" },
    items: [
      {
        zh: "提供权重表（weights）时直接使用；否则由病例推算如下。",
        en: "Where a weights table is given it is used as is; otherwise weights are derived from the claims as follows.",
      },
      {
        zh: "基期：参数 baseYears（本次：{baseYears}；未设置时取十二个月都有病例的前三个自然年，不足三年取全部此类年份，均无则取有病例的前三年）。年份权重由远及近 `2:3:5`（两年 `2:3`，一年 `1`）。",
        en: "Base period: parameter baseYears (this build: {baseYears}; when unset, the first three calendar years with claims in all twelve months, or as many such years as there are; where none has, the first three years with claims). Year weights oldest → newest `2:3:5` (two years `2:3`, one year `1`).",
      },
      {
        zh: "裁剪（每组、每个基期年）：保留 `Q1 − k·IQR ≤ 总费用 ≤ Q3 + k·IQR` 的病例，k = {trimK}（四分位数按顺序统计量线性插值，即 R 的 type 7）。当年少于 {minCases} 例的组不裁剪。",
        en: "Trimming, per group and base year: keep cases with `Q1 − k·IQR ≤ total_cost ≤ Q3 + k·IQR`, k = {trimK} (quartiles by linear interpolation between order statistics, R's type 7). A group with fewer than {minCases} cases in that year is not trimmed.",
      },
      {
        zh: "组均费用 `m_g = Σ_y w_y · mean_{g,y} / Σ_y w_y`（对该组有病例的基期年）；总均费用 m 为全部入组、保留病例的年均费用的同样加权平均。",
        en: "Group mean `m_g = Σ_y w_y · mean_{g,y} / Σ_y w_y` over the base years in which g has cases; the overall mean m is the same weighted average of the yearly means of all grouped, kept cases.",
      },
      {
        zh: "`RW_g = m_g / m`。基期病例少于 {minCases} 例的组标记为不稳定。权重在报告比较的所有期间保持不变。",
        en: "`RW_g = m_g / m`. A group seen in fewer than {minCases} base-period cases is flagged unstable. Weights stay fixed across every period a report compares.",
      },
      {
        zh: "新月份的数据到来时：基期年份已定（参数 baseYears，或已有三个完整自然年）时，权重不变；基期仍在自动选取、尚不足三个完整年时，新月份可能使某年成为完整年，从而改变基期和全部权重（本页“基期”一行给出本次所用年份）。",
        en: "When a new month arrives: with the base years fixed (parameter baseYears, or three full calendar years already present) the weights do not change; while the base period is still chosen automatically and fewer than three full years exist, a new month can complete a year and so change the base period and every weight (the base-period line above names the years this build used).",
      },
    ],
  },
  {
    id: "casemix",
    title: { zh: "§3 病例组合与效率", en: "§3 Case mix and efficiency" },
    items: [
      {
        zh: "对入组、未排除且所在组有 RW 的病例（按医院、科室、DRG、期间）：",
        en: "Over the cases that are grouped, not excluded and whose group has an RW (per hospital, department, DRG, period):",
      },
      { zh: "`总权重 = Σ RW`；`CMI = 总权重 / 病例数`；`每权重费用 = Σ 总费用 / 总权重`。", en: "`total weight = Σ RW`; `CMI = total weight / cases`; `cost per weight = Σ total_cost / total weight`." },
      {
        zh: "`费用消耗指数 = Σ_g n_g · (本单位组均费用_g / 全市组均费用_g) / Σ_g n_g`；时间消耗指数同理，以平均住院日代替费用。",
        en: "`cost consumption index = Σ_g n_g · (unit's mean cost in g / region's mean cost in g) / Σ_g n_g`; the time consumption index is the same with mean LOS.",
      },
      {
        zh: "DRG 组数 = 至少有一例的组数；平均住院日 = 住院天数均值；低风险组死亡率 = 低风险组死亡病例（离院方式 5）/ 病例数，低风险组为风险等级 0 和 1 的组：基期无死亡为 0 级；其余组按 ln(死亡率) 的 z 分数分级，z < −1 为 1 级，−1 ≤ z < 0 为 2 级，0 ≤ z < 1 为 3 级，z ≥ 1 为 4 级（公立医院绩效考核的死亡风险评分）。",
        en: "DRG count = groups with at least one case; ALOS = mean LOS; low-risk mortality = deaths (discharge status 5) / cases in the low-risk DRGs, those of risk levels 0 and 1: level 0 has no base-period death; the others are levelled by the z-score of ln(mortality): 1 below −1, 2 from −1 to 0, 3 from 0 to 1, 4 from 1 (the mortality-risk scoring of China's public-hospital performance appraisal).",
      },
      {
        zh: "费用结构：药品、耗材、检查、目录外费用占比 = 该项费用 / 总费用；个人负担 = 自付 / 总费用（无自付时为 总费用 − 基金支付）。",
        en: "Cost structure: drug, consumable, exam and out-of-catalog shares = that cost / total cost; personal burden = self pay / total cost (no self pay: total cost − fund paid).",
      },
    ],
  },
  {
    id: "intervals",
    title: { zh: "§4 RW 区间分布", en: "§4 RW-interval distribution" },
    items: [
      { zh: "区间边界 {rwEdges}，下限包含：`[0,0.2)`、`[0.2,0.5)` … 最后一个区间无上限。", en: "Interval edges {rwEdges}, lower bound inclusive: `[0,0.2)`, `[0.2,0.5)` … the last interval is open above." },
      { zh: "每个区间、每个期间：病例数、总费用、基金支付，以及各自占该期合计的比重。", en: "Per interval and period: cases, total cost and fund paid, and each as a share of the period's total." },
      { zh: "期间对比：`基金支付变化 = (B − A) / A`，A、B 为页面上选择的两个期间。", en: "Period comparison: `change of fund paid = (B − A) / A` for the periods A and B chosen on the page." },
      {
        zh: "页面默认的两个期间即 rw_interval_comparison 数据集的期间：参数 comparisonA、comparisonB（本次：{comparisonA}、{comparisonB}；未设置时为改革年份 1–6 月对比两年后的 1–6 月，缺月时为数据中第一个与最后一个完整的上半年）。",
        en: "The page's default periods are those of the rw_interval_comparison dataset: parameters comparisonA and comparisonB (this build: {comparisonA}, {comparisonB}; when unset, Jan–Jun of the reform year against Jan–Jun two years on, or the first and last complete first half-years in the claims).",
      },
    ],
  },
  {
    id: "fund",
    title: { zh: "§5 基金增长", en: "§5 Fund growth" },
    items: [
      { zh: "基金支出 = 按月、按年的 Σ 基金支付，住院、门诊分列。", en: "Fund expenditure = Σ fund_paid per month and per year, inpatient and outpatient apart." },
      { zh: "`同比增长 = (本期 − 上年同期) / 上年同期`。", en: "`YoY growth = (this period − same period a year before) / same period a year before`." },
      {
        zh: "改革年份 R = {reformYear}：基准增速 g0 = R 之前各年同比增速的均值（R 之前至少两年数据）。`R + t 年预期支出 = 支出(R − 1) × (1 + g0)^(t+1)`；`节约 = 预期 − 实际`，逐年及累计。",
        en: "Reform year R = {reformYear}: the baseline growth g0 is the mean annual growth over the years before R (at least two years of data before R). `expected spend in year R + t = spend(R − 1) × (1 + g0)^(t+1)`; `savings = expected − actual`, per year and cumulative.",
      },
      { zh: "预算执行率 = 年内累计基金支出 / 当年预算（policy 表的 inpatient_budget、outpatient_budget）；均衡进度 = 预算 × 月份 / 12。", en: "Budget execution = the year's fund spend to date / the year's budget (policy inpatient_budget, outpatient_budget); even pace = budget × month / 12." },
    ],
  },
  {
    id: "points",
    title: { zh: "§6 点数法与结算", en: "§6 Point method and settlement" },
    items: [
      { zh: "`基准点数 = RW_g × 100`；医院系数 c_h（hospitals.coefficient，默认 1）。", en: "`base points = RW_g × 100`; hospital coefficient c_h (hospitals.coefficient, default 1)." },
      {
        zh: "组均费用 a_g = 权重表的 avg_cost，否则为 §2 的 m_g，否则为 RW_g × m；`倍率 r = 病例总费用 / a_g`。",
        en: "The group's average cost a_g = weights.avg_cost where given, else m_g of §2, else RW_g × m; `ratio r = case total_cost / a_g`.",
      },
      {
        zh: "病例点数：正常 `基准 × c_h`；高倍率（r > H = {highMultiplier}）`基准 × c_h + (r − H) × 基准`；低倍率（r < L = {lowMultiplier}）`基准 × c_h × r`；QY 和 0000 `总费用 / m × 100 × {ungroupedDiscount}`；同一患者 {readmitDays} 天内再次入住同院同 DRG 时，前次住院点数 × {readmitFactor}。policy 表当年给出的倍率优先。",
        en: "Case points: normal `base × c_h`; high multiplier (r > H = {highMultiplier}) `base × c_h + (r − H) × base`; low multiplier (r < L = {lowMultiplier}) `base × c_h × r`; QY and 0000 `total_cost / m × 100 × {ungroupedDiscount}`; when the same patient is admitted again to the same hospital in the same DRG within {readmitDays} days, the earlier stay's points × {readmitFactor}. Multipliers the policy table gives for a year win.",
      },
      { zh: "患者负担 `s = Σ (总费用 − 基金支付)`。", en: "Patient share `s = Σ (total_cost − fund_paid)` of the year's cases." },
      {
        zh: "`可分配基金 F = 记账 + 比例 × (预算 − 记账)`：记账 = Σ 基金支付，预算 = inpatient_budget（无则等于记账），比例 = share_ratio（本次默认 {shareRatio}，policy 表当年值优先）。",
        en: "`fund to distribute F = recorded + ratio × (budget − recorded)`: recorded = Σ fund_paid, budget = inpatient_budget (absent: recorded), ratio = share_ratio (default {shareRatio} in this build; the policy table's value for a year wins).",
      },
      {
        zh: "`点值 = (F + s) / Σ 点数`；医院 `DRG 支付 = Σ 点数 × 点值`；`应付基金 = DRG 支付 − 患者负担`；`结算率 = 应付基金 / 基金实际支付`。病种盈亏 = DRG 支付 − 总费用。",
        en: "`point value = (F + s) / Σ points`; a hospital's `DRG payment = Σ points × point value`; `fund payable = DRG payment − patient share`; `settlement rate = fund payable / fund_paid`. A DRG's gain = DRG payment − total cost.",
      },
    ],
  },
  {
    id: "procedure-classes",
    title: { zh: "§7 手术操作分类（DIP 与门诊 APG 共用）", en: "§7 Procedure classes (shared by DIP and outpatient APG)" },
    items: [
      {
        zh: "每个手术操作编码按分组方案（{scheme}）的规则归为一类。ADRG 的自有列表 = 其入组条件所列的手术操作列表，不含方案通用的有效手术列表（valid_procedures）。",
        en: "Every procedure code gets one class, read from the grouping scheme's rules ({scheme}). An ADRG's own lists are the procedure lists its condition names, not the scheme-wide valid-procedure set.",
      },
      {
        zh: "`手术`：在外科 ADRG（第二位字母 A–J；MDC R 仅 RA1–RA4）的自有列表中；`介入/治疗性操作`：否则在非手术室操作 ADRG（K–Q）或 MDC R 的 RB–RG 的自有列表中；`诊断性操作`：其他编码；无手术操作编码的病例为 `保守治疗`。",
        en: "`operation`: in an own list of a surgical ADRG (letter A–J; in MDC R only RA1–RA4); `intervention`: otherwise in an own list of a non-operating-room ADRG (K–Q) or of MDC R's RB–RG; `diagnostic`: any other code; a case with no procedure code is `conservative`.",
      },
      {
        zh: "病例的 `治疗方式 = 其手术操作的最高类别`：手术 > 介入 > 诊断性操作 > 保守治疗。数据集 procedure_classes 列出每个手术和介入编码及给出该类别的 ADRG。",
        en: "A case's `treatment type = the highest class among its procedures`: operation > intervention > diagnostic > conservative. Dataset procedure_classes lists every operation and intervention code with the ADRGs that give its class.",
      },
    ],
  },
  {
    id: "dip",
    title: { zh: "§9 DIP 按病种分值付费", en: "§9 DIP: diagnosis-intervention packets" },
    items: [
      {
        zh: "病种库由本地区基期（与 §2 相同的基期年份）病例生成；给出 dip_catalogue 表时直接使用。每个住院病例（含 QY、0000）恰好归入一个病种；排除病例有病种和分值，但不参与均费与参考费用。",
        en: "The packet catalogue is built from the region's own base-period cases (the base years of §2); where a dip_catalogue table is given it is used as is. Every accepted inpatient case, QY and 0000 included, gets exactly one packet; excluded cases get one and a score but stay out of the means and reference costs.",
      },
      {
        zh: "核心病种：`主诊断前 5 位（亚目，如 K35.8）+ 病例去重排序后的手术与介入编码（§7，以 + 连接）`；基期非排除病例 ≥ {dipCoreMin} 例的组合为核心病种。诊断性操作不进入病种键。",
        en: "Core packets: `the principal diagnosis's first five characters (subcategory, e.g. K35.8) + the case's distinct operation and intervention codes (§7), sorted, joined by +`; a key with at least {dipCoreMin} non-excluded base-period cases is a core packet. Diagnostic procedures do not enter the key.",
      },
      {
        zh: "综合病种：其余病例按 `诊断前 3 位 × 治疗方式`；基期病例不足 {dipCoreMin} 例时归入 `ICD-10 章 × 治疗方式`；该章也无基期病例时归入 `治疗方式`（均费为该治疗方式全部基期病例的均费）。",
        en: "Comprehensive packets: every other case by `the diagnosis's first three characters × treatment type`; with fewer than {dipCoreMin} base-period cases it folds into `ICD-10 chapter × treatment type`; with no base-period case in the chapter either, into `the treatment type alone` (its mean over all the type's base-period cases).",
      },
      {
        zh: "`分值 = 病种均费 / 全部病例均费 × {dipScale}`，均费为各基期年份均费按由远及近 `1:2:7` 加权（两年 `1:2`，一年 `1`），不截尾。",
        en: "`score = packet mean cost / all-case mean cost × {dipScale}`, each mean a weighted average of the base years' means, oldest → newest `1:2:7` (two years `1:2`, one year `1`), untrimmed.",
      },
      {
        zh: "病例分值：参考费用 = 该病种上一年在同级别医院的均费（不足 {minCases} 例用全部医院，仍不足用基期均费），`r = 病例费用 / 参考费用`；`r < {dipLow}`：`分值 × r`；`r > {dipHigh}`：`分值 × (r − {dipHigh} + 1)`；其余 `分值 × 医院系数`（偏差病例不乘系数）。policy 表当年的 dip_low、dip_high 优先。",
        en: "Case score: reference cost = the packet's previous-year mean at hospitals of the same level (fewer than {minCases} cases: at all hospitals, again at least {minCases}; else its base-period mean), `r = cost / reference`; `r < {dipLow}`: `score × r`; `r > {dipHigh}`: `score × (r − {dipHigh} + 1)`; otherwise `score × hospital coefficient` (deviation cases take no coefficient). The policy table's dip_low and dip_high for a year win.",
      },
      {
        zh: "点值、DIP 支付、应付基金与结算率同 §6（同一公式模块），以病例分值代替点数：`点值 = (F + s) / Σ 病例分值`。DRG 与 DIP 对比：同一年份、同一可分配基金 F 下各医院 `DIP 支付 − DRG 支付`，两者总额均为 F + s。",
        en: "Point value, DIP payment, fund payable and settlement rate as §6 (the same pool module), with case scores in place of points: `point value = (F + s) / Σ case scores`. DRG vs DIP: for the same year and fund to distribute F, each hospital's `DIP payment − DRG payment`; both pay out F + s in total.",
      },
    ],
  },
];

// §10 monitoring signals and control limits (issue 11)
methodSections.push({
  id: "signals",
  title: { zh: "§10 监测信号（智能审核）", en: "§10 Monitoring signals (intelligent audit)" },
  items: [
    {
      zh: "每项信号按医院 × 年计算，与**同级**医院比较：同年同级的其他医院（不含本院；同级其他医院不足 5 家时为全市其他医院）。少于 11 例的值不显示，也不作为同级参照。",
      en: "Each signal per hospital and year, compared with its **peers**: the other hospitals of the same level in the same year, itself left out (fewer than 5 of them: all the other hospitals of the region). A value on fewer than 11 cases is not shown and is no one's peer.",
    },
    {
      zh: "`15天内同ADRG再入院 = 出院后 0–{readmitDays} 天内同一患者在同一医院以同一 ADRG 再次入院的住院数 / 入组住院数`（计入前次住院的年份）。",
      en: "`same-ADRG readmission = stays followed 0–{readmitDays} days after discharge by the same patient's admission to the same hospital in the same ADRG / grouped stays` (in the earlier stay's year).",
    },
    {
      zh: "`低标入院 = 住院日 ≤ 2、总费用 < L × a_g（L = {lowMultiplier}，policy 当年值优先）、离院方式非死亡（5）非转院（2、3）的住院数 / 有 a_g 的住院数`。",
      en: "`low-standard admission = stays with LOS ≤ 2, total_cost < L × a_g (L = {lowMultiplier}; the policy's value for the year wins) and a discharge that is neither death (5) nor transfer (2, 3) / stays whose group has a_g`.",
    },
    {
      zh: "`CC/MCC 占比 = DRG 末位为 1 或 3 的入组病例 / 入组病例`；`CC/MCC 占比变化 = 本年 − 上年`（两年都不少于 11 例）。",
      en: "`CC/MCC share = grouped stays whose DRG ends in 1 or 3 / grouped stays`; `CC/MCC share change = this year − the year before` (both years 11 cases or more).",
    },
    {
      zh: "`ADRG 内 CMI 变化 = Σ_a s_a,y × (w̄_a,y − w̄_a,y−1)`，a 为两年都有病例的 ADRG，s 为本年 ADRG 占比，w̄ 为 ADRG 内平均 RW（病例组合集，§3）；CMI 变化的其余部分来自 ADRG 构成。",
      en: "`CMI change within ADRGs = Σ_a s_a,y × (w̄_a,y − w̄_a,y−1)` over the ADRGs with cases in both years, s the ADRG's share this year, w̄ the mean RW within the ADRG (case-mix set, §3); the rest of the CMI change comes from the ADRG mix.",
    },
    {
      zh: "`入院前门诊费用 = 同一患者在同一医院入院前 1–7 天（不含入院当天）门诊的基金支付之和 / 住院数`（元/例）。",
      en: "`pre-admission outpatient fund = Σ fund_paid of the same patient's outpatient visits at the same hospital 1–7 days before admission (not the admission day) / stays` (yuan per stay).",
    },
    {
      zh: "`个人负担比例 = Σ self_pay / Σ 总费用`。self_pay 是患者支付的全部（含目录外自费，见输入规范），故不再另加 out_of_catalog_cost。`高（低）倍率病例占比 = §6 的高（低）倍率病例 / 病例数`。",
      en: "`self-pay share = Σ self_pay / Σ total_cost`. self_pay is everything the patient paid (out-of-catalogue items included, input contract), so out_of_catalog_cost is not added again. `high (low) multiplier share = §6's high (low) multiplier cases / cases`.",
    },
    {
      zh: "**标记**：值 > 同级第 80 百分位（线性插值）且 ≥ 同级均值 + 2 × 同级样本标准差，且不为 0。标记是提示，不是结论；每项标记背后的病例（signal_cases：再入院对、低标住院、伴 CC/MCC 的住院及使之升级的编码、入院前门诊）只由 compute 写出，不在网站发布。",
      en: "**Flag**: value > the peers' 80th percentile (linear interpolation) and ≥ their mean + 2 × their sample standard deviation, and not 0. A flag is a pointer, not a finding; the claims behind it (signal_cases: readmission pairs, low-standard stays, stays with CC/MCC and the codes that gave it, pre-admission visits) are written by compute only, never published.",
    },
    {
      zh: "**控制图**：每家医院每月的 CMI、每权重费用、基金支付，`控制限 = 前 12 个月（不含本月）的均值 ± 3 × 样本标准差`；需前 12 个月都有数据；超出即为预警。",
      en: "**Control charts**: per hospital and month, CMI, cost per weight and fund paid; `limits = mean ± 3 × sample sd of the previous 12 months (the month itself left out)`; all 12 months needed; a month outside is an alert.",
    },
  ],
});

// §8 Outpatient: APG-like groups, points, per-capita packages and the unsigned pool (lib/apg).
methodSections.push({
  id: "apg",
  title: { zh: "§8 门诊：类APG分组、点数与人头包干", en: "§8 Outpatient: APG-like groups, points and per-capita packages" },
  items: [
    {
      zh: "金华 1,391 个 APG 组没有公开的组表，门诊组由本地区门诊数据按金华的三类形成，展示时均标注为“类APG”。排除就诊：总费用 < {apgMinCost} 元，仅计入基金合计。",
      en: "No public table of Jinhua's 1,391 APGs exists: the outpatient groups are built from the region's own visits in Jinhua's three classes and labelled APG-like wherever shown. Excluded visits: total_cost < {apgMinCost} yuan; they count in fund totals only.",
    },
    {
      zh: "`类别`：治疗方式（§7）为手术或介入 → `手术操作`；否则主诊断在 Z00–Z13，或检查化验费 ≥ 总费用的 80% → `辅助`；其余 → `内科`。",
      en: "`class`: `procedure` where the visit's treatment type (§7) is operation or intervention; otherwise `ancillary` where principal_dx is in Z00–Z13 or exam_cost ≥ 80 % of total_cost; else `medical`.",
    },
    {
      zh: "`键`：手术操作类取最高类别中首个手术操作编码的 ICD-9-CM-3 类目（前两位）；内科与辅助类取主诊断的 ICD-10 类目（前三位）。组编码 = 类别字母 + 键（`P86`、`MJ06`、`AZ01`）。",
      en: "`key`: procedure visits by the ICD-9-CM-3 category (first two digits) of the first listed procedure of the highest class; medical and ancillary visits by the principal diagnosis's ICD-10 category (three characters). Group code = class letter + key (`P86`, `MJ06`, `AZ01`).",
    },
    {
      zh: "基期与年份权重同 §2（取门诊数据自身的年份）。基期非排除人次 < {apgMinVisits} 的键并入其类别与章（ICD-10 第 1–22 章，如 `M-CH10` 为 J00–J99；ICD-9-CM-3 第 0–16 章，如 `P-CH16` 为 87–99）；章组无基期就诊时并入类别组 `P`、`M`、`A`（均值取该类全部基期就诊）。",
      en: "Base period and year weights as §2, over the outpatient claims' own years. A key with fewer than {apgMinVisits} non-excluded base-period visits folds into its class and chapter (ICD-10 chapters 1–22, `M-CH10` is J00–J99; ICD-9-CM-3 chapters 0–16, `P-CH16` is 87–99); a fold group with no base-period visit folds into the class group `P`, `M` or `A`, whose mean is over all the class's base visits.",
    },
    {
      zh: "`APG 权重 = 组均费用 / 全部就诊均费用`（各为基期年均值的加权平均，按组按年裁剪同 §2）；`就诊点数 = 权重 × 100`（无系数、无倍率）。排除就诊与无权重组的就诊按费用计点：`总费用 / 全部就诊均费用 × 100`。提供 apg_weights 表时直接使用，就诊取表中依次存在的键组、章组或类别组。",
      en: "`APG weight = group mean cost / all-visit mean cost` (each a weighted average of yearly base-period means, trimmed per group and year as §2); `points = weight × 100` (no coefficient, no multipliers). Excluded visits and visits whose group has no weight are paid on their cost: `total_cost / all-visit mean × 100`. A given apg_weights table is used as is; a visit takes the first of its key group, fold group and class group that the table holds.",
    },
    {
      zh: "签约：参保人当年最后一次带签约机构的就诊所记的 signed_hospital_id（有 insured 表时以其为准）。`人头额度(Y) = Σ 门诊基金支付(Y−1, Y−2) / Σ 当年有门诊就诊的人数(Y−1, Y−2)`（有 insured 表时按参保人数、分险种）；仅一年前期数据时取该年，无则当年无包干、全部视为未签约。",
      en: "Signed persons: signed in a year to the signed_hospital_id of their last visit of that year that carries one (or the insured table's). `quota(Y) = Σ outpatient fund_paid (Y−1, Y−2) / Σ persons with an outpatient claim (Y−1, Y−2)` (with the insured table: its persons, per insurance_type); one prior year: that year; none: no packages in Y, every person unsigned.",
    },
    {
      zh: "`包干额度 = 人头额度 × 签约人数`；`包干支出 = 签约人员当年在任何机构就诊的基金支付`；`结余 = 包干额度 − 包干支出`；机构按 share_ratio（{shareRatio}，policy 表优先）留用结余或分担超支：`留用/分担 = share_ratio × 结余`。",
      en: "`package = quota × signed persons`; `package spend = the fund paid for those persons' visits of the year at any institution`; `surplus = package − spend`; the institution keeps share_ratio ({shareRatio}; the policy table's value wins) of a surplus and bears the same share of an overspend: `kept_or_borne = share_ratio × surplus`.",
    },
    {
      zh: "未签约基金池（每年）：`预算_u = outpatient_budget − Σ 包干额度`（无预算：记账_u）；`F_u = 记账_u + share_ratio × (预算_u − 记账_u)`；`点值 = (F_u + 患者负担_u) / Σ 未签约点数`；机构 `APG 支付 = 未签约点数 × 点值`，`应付基金 = APG 支付 − 其患者负担`，`结算率 = 应付基金 / 其未签约基金支付`。",
      en: "Unsigned pool, per year: `budget_u = outpatient_budget − Σ packages` (no budget: recorded_u); `F_u = recorded_u + share_ratio × (budget_u − recorded_u)`; `point value = (F_u + patient share_u) / Σ unsigned points`; an institution's `APG payment = its unsigned points × point value`, `fund payable = payment − its patient share`, `settlement rate = payable / its unsigned fund_paid`.",
    },
    {
      zh: "全市门诊 `应付基金 = Σ 包干支出 + Σ 留用/分担 + F_u`，`门诊结算率 = 应付基金 / 门诊基金支付`（share_ratio = 1 且预算 = 记账时恰为 100%）。门诊入组率 = 进入自有组的非排除人次 / 非排除人次。",
      en: "Region: `outpatient fund payable = Σ package spend + Σ kept_or_borne + F_u`; `outpatient settlement rate = payable / outpatient fund_paid` (exactly 100 % with share_ratio 1 and budget = recorded). Outpatient grouping rate = non-excluded visits in their own key group / non-excluded visits.",
    },
  ],
});

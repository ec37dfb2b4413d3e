## Gongkai portal strings, 简体中文 (default locale).
## Every message id here must also exist in zh-Hant.ftl and en.ftl (checked by `cargo test`).

portal-name = 公开 · 脱贫攻坚数据
portal-tagline = 公开发布的扶贫脱贫汇总数据
skip-to-content = 跳到正文

## Navigation
nav-label = 主导航
nav-overview = 概览
nav-poverty-exits = 脱贫退出
nav-funds = 资金
nav-paired-assistance = 对口帮扶
nav-map = 地图
nav-sources = 数据来源

## Language and theme
language-label = 语言
theme-to-dark = 深色
theme-to-light = 浅色
theme-toggle-label = 切换到{ $theme }主题

## Data loading
loading-data = 正在加载数据…
loading-slow = 网络较慢，仍在加载 { $url }（已用 { $seconds } 秒）
error-title = 无法加载数据
error-http-status = 请求 { $url } 时服务器返回 HTTP { $status }{ $statusText }。
error-network = 无法连接到 { $url }：{ $detail }
error-timeout = 请求 { $url } 在 { $seconds } 秒内没有完成。
error-read-body = 读取 { $url } 的内容时出错：{ $detail }
error-data-invalid = { $url } 中的数据有 { $count } 处问题，以下数据无法显示：
retry = 重试
data-issues-title = 数据问题
data-problem-separator = ：

## Data validation: where (file, row, column) and why. Rows count as in a spreadsheet (header = row 1).
data-problem = { $place }：{ $reason }
data-place-file = { $file }
data-place-line = { $file } 第 { $line } 行第 { $column } 列
data-place-row = { $file } 第 { $row } 行
data-place-cell = { $file } 第 { $row } 行“{ $column }”列
data-place-path = { $file } 的 { $path }
data-error-json = JSON 语法错误：{ $detail }
data-error-csv = CSV 格式错误：{ $detail }
data-error-cell-count = 此行有 { $found } 个单元格，表头有 { $header } 个
data-error-unavailable = 无法读取此文件：{ $detail }
data-error-missing-resource = 数据包缺少资源“{ $name }”
data-error-missing-path = 资源“{ $value }”没有给出 CSV 文件路径（path）
data-error-missing-schema-field = 表结构缺少本门户需要的字段“{ $field }”
data-error-header = 表头此处为“{ $value }”，但表结构规定为“{ $expected }”
data-error-required = 必填，不能为空
data-error-not-a-number = “{ $value }”不是数字
data-error-not-one-of = “{ $value }”不是允许的取值之一：{ $allowed }
data-error-bad-id = “{ $value }”不是有效的标识（只能用小写字母、数字、- 和 _）
data-error-bad-region-code = “{ $value }”不是 6 位行政区划代码（非行政区域写作“代码-标记”）
data-error-code-level = 代码“{ $value }”与级别 { $level } 不符
data-error-outside-parent = 代码不在上级地区 { $parent } 之内
data-error-period-syntax = “{ $value }”不是有效的时期（YYYY、YYYY-MM、YYYY-MM-DD 或“起/止”）
data-error-no-such-date = “{ $value }”中的日期不存在
data-error-ends-before-start = 时期“{ $value }”的结束早于开始
data-error-not-a-month = “{ $value }”不是月份（应为 YYYY-MM）
data-error-stock-needs-date = 指标“{ $indicator }”是存量（某一时点的水平），时期应为单一日期，而不是区间“{ $value }”
data-error-duplicate = “{ $value }”与第 { $row } 行重复
data-error-unknown-ref = 不存在（或无效）的{ $kind }“{ $value }”
data-error-negative = “{ $value }”为负数；金额和数量不能为负
data-error-unit-mismatch = 单位“{ $value }”与指标的单位“{ $expected }”不符
data-error-fund-not-yuan = 资金表只收以元计的指标，指标“{ $value }”的单位是 { $unit }
data-error-part-of-itself = 一行不能是它自己的组成部分
data-error-breakdown-without-total = 有分项标签但没有 part_of（所属合计）
data-error-part-unit = 此分项的单位是 { $unit }，而其合计（第 { $row } 行）的单位是 { $totalUnit }
data-error-part-status = 此分项的状态是 { $status }，而其合计（第 { $row } 行）是 { $totalStatus }：计划数与实际数不能相加
data-error-parts-sum = 分项“{ $breakdown }”（第 { $rows } 行）合计为 { $sum }，与总数 { $value } 不符
data-error-stage-exceeds = { $stage } 金额 { $value } 超过了第 { $row } 行的 { $earlierStage } 金额 { $earlier }
data-error-written-mismatch = 原文“{ $value }”应读作 { $readsAs }，而本行记为 { $rowSays }
data-error-written-unreadable = 原文写法“{ $value }”中没有数字
data-error-outside-pairing = 地区“{ $value }”不属于帮扶关系 { $pairing } 的任何一方（{ $from } → { $to }）
ref-kind-region = 地区
ref-kind-indicator = 指标
ref-kind-source = 来源
ref-kind-pairing = 帮扶关系
ref-kind-observation = 数据行
ref-kind-fund = 资金行

## Pages
page-overview-title = 概览
page-overview-lead = 本门户展示已公开发布的脱贫攻坚汇总数据。每个数字都注明单位、限定词（如“余”“以上”）和出处。
page-pending = 此页面尚在建设中：{ $what }将在后续版本上线。本页暂不显示任何数据，以免展示未经核实的数字。
pending-poverty-exits = 各地区逐年脱贫人数、户数和贫困户类型图表
pending-funds = 按来源、用途和拨付阶段划分的资金图表
pending-paired-assistance = 东西部协作与对口帮扶的资金、干部和项目图表
pending-map = 省、市、县三级地图与帮扶流向图
page-not-found-title = 找不到此页面
page-not-found-body = 地址 { $path } 没有对应的页面。
back-to-overview = 返回概览

## Sources page
sources-lead = 本门户的 { $sources } 份来源文件支撑着 { $figures } 个数字。每个数字都附有原文摘句，可在原文件中查到。
sources-figures-summary = { $figures } 个数字，{ $pairings } 项帮扶关系，{ $commitments } 项承诺事项
date-not-printed = 日期未载明
source-file = 存档文件 { $file }
col-indicator = 指标
col-region = 地区
col-period = 时期
col-value = 数值
col-status = 状态
col-quote = 原文摘句
figure-with-detail = { $name }（{ $detail }）
fund-detail = { $source }，{ $stage }

## Charts
# A source document as cited under a chart
source-citation = { $title }（{ $publisher }，{ $date }）
chart-source = 来源：{ $source }
chart-unit = 单位：{ $unit }
chart-show-table = 显示数据表
chart-hide-table = 隐藏数据表
chart-table-caption = { $title }（单位：{ $unit }）
chart-col-item = 项目
chart-col-value = 数值
chart-col-qualifier = 说明
chart-funding-title = { $region }{ $indicator }：按资金来源
chart-funding-subtitle = { $period }合计{ $total }，其中：
chart-funding-summary = { $region }{ $indicator }（{ $period }）合计{ $total }。其中{ $parts }。
chart-summary-part = { $label }{ $value }
list-joiner = ，
chart-no-data = 数据包中没有可绘制的资金构成数据。

## Qualifiers attached to a figure
qualifier-exact = 准确数
qualifier-more-than = 余（多于）
qualifier-at-least = 以上（不少于）
qualifier-about = 约

## Scales of large amounts; one scale per chart (format::Scale)
scale-thousand = 千
scale-wan = 万
scale-million = 百万
scale-yi = 亿
scale-billion = 十亿
scaled-unit = { $scale }{ $unit }

## An amount with its qualifier: $number is already formatted, $unit is one of the units above
amount-exact = { $number }{ $unit }
amount-more-than = { $number }余{ $unit }
amount-at-least = { $number }{ $unit }以上
amount-about = 约{ $number }{ $unit }
amount-at-most = 不超过{ $number }{ $unit }

## Words for the data's codes (labels::term): <prefix>-<code in kebab case>
unit-persons = 人
unit-households = 户
unit-person-times = 人次
unit-yuan = 元
unit-yuan-per-person-year = 元/人·年
unit-yuan-per-household-year = 元/户·年
unit-percent = %
unit-times = 倍
unit-mu = 亩
unit-head = 头
unit-head-per-person = 头/人
unit-count = 个
category-poverty = 贫困人口
category-poverty-exit = 脱贫退出
category-income = 收入
category-funds = 资金
category-pairing = 帮扶协作
category-industry = 产业扶贫
category-employment = 就业扶贫
category-health = 健康扶贫
category-education = 教育扶贫
category-housing = 住房安全
category-relocation = 易地扶贫搬迁
category-social-security = 社会保障
category-infrastructure = 基础设施
category-social-participation = 社会扶贫
category-governance = 组织与监督
measure-stock = 存量（某一时点）
measure-flow = 流量（一段时期）
qualifier-at-most = 以内（不超过）
status-actual = 实际
status-planned = 计划
status-target = 目标
funding-source-central = 中央资金
funding-source-provincial = 省级资金
funding-source-municipal = 市级资金
funding-source-county = 县级资金
funding-source-higher-level = 上级资金
funding-source-government = 财政资金（级次未载明）
funding-source-paired-region = 帮扶方资金
funding-source-enterprise = 企业资金
funding-source-social = 社会捐助
funding-source-financial = 金融贷款
funding-source-mixed = 多渠道合计
funding-source-unspecified = 来源未载明
stage-allocated = 已安排
stage-arrived = 已到位
stage-disbursed = 已拨付
stage-spent = 已使用
pairing-kind-east-west = 东西部扶贫协作
pairing-kind-counterpart = 对口帮扶
pairing-kind-central-agency = 中央单位定点帮扶
pairing-kind-enterprise-county = 企业帮扶县
pairing-kind-enterprise-village = 企业帮扶村
pairing-kind-social = 社会帮扶
level-country = 国家
level-province = 省级
level-prefecture = 地级
level-county = 县级
level-other = 其他区域
commitment-status-planned = 计划中
commitment-status-in-progress = 进行中
commitment-status-done = 已完成
commitment-status-missed = 未按期完成
commitment-status-unknown = 不详
source-kind-report = 工作汇报
source-kind-news = 新闻报道
source-kind-plan = 规划方案
source-kind-statistics = 统计发布
source-kind-announcement = 公告

## Dates and periods (format::date, format::period)
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
date-year = { $year }年
date-month = { $year }年{ $monthName }
date-day = { $year }年{ $monthName }{ $day }日
period-range = { $start }至{ $end }
period-until = 截至{ $end }

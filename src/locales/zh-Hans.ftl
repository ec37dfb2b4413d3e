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

## Data validation (file, location, value, reason)
data-error-location = { $file } · { $location }
data-error-json = JSON 语法错误：{ $detail }
data-error-missing-resource = 缺少资源“{ $name }”
data-error-unknown-ref = 引用了不存在的{ $kind }“{ $value }”
data-error-negative = 数值不能为负数：{ $value }
data-error-not-finite = 数值必须是有限数字：{ $value }
data-error-duplicate = 重复的键“{ $value }”
ref-kind-region = 地区
ref-kind-indicator = 指标
ref-kind-source = 来源

## Pages
page-overview-title = 概览
page-overview-lead = 本门户展示已公开发布的脱贫攻坚汇总数据。每个数字都注明单位、限定词（如“余”“以上”）和出处。
page-pending = 此页面尚在建设中：{ $what }将在后续版本上线。本页暂不显示任何数据，以免展示未经核实的数字。
pending-poverty-exits = 各地区逐年脱贫人数、户数和贫困户类型图表
pending-funds = 按来源、用途和拨付阶段划分的资金图表
pending-paired-assistance = 东西部协作与对口帮扶的资金、干部和项目图表
pending-map = 省、市、县三级地图与帮扶流向图
pending-sources = 全部来源文件及其支撑的每一个数字
page-not-found-title = 找不到此页面
page-not-found-body = 地址 { $path } 没有对应的页面。
back-to-overview = 返回概览

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
chart-funding-title = { $region }项目资金来源
chart-funding-subtitle = 累计投资项目资金{ $total }，其中：
chart-funding-summary = { $region }累计投资项目资金{ $total }。其中{ $parts }。
chart-summary-part = { $label }{ $value }
list-joiner = ，
chart-no-data = 数据包中没有可绘制的资金构成数据。

## Qualifiers attached to a figure
qualifier-exact = 准确数
qualifier-more-than = 余（多于）
qualifier-at-least = 以上（不少于）
qualifier-about = 约

## Units of money; one scale per chart (format::Scale)
unit-yuan-one = 元
unit-yuan-thousand = 千元
unit-yuan-wan = 万元
unit-yuan-million = 百万元
unit-yuan-yi = 亿元
unit-yuan-billion = 十亿元

## An amount with its qualifier: $number is already formatted, $unit is one of the units above
amount-exact = { $number }{ $unit }
amount-more-than = { $number }余{ $unit }
amount-at-least = { $number }{ $unit }以上
amount-about = 约{ $number }{ $unit }

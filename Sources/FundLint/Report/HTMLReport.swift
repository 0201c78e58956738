/// The reviewer report as one self-contained HTML file: no network, no external script,
/// style or font. A bar chart (inline SVG) of requested versus allocation per place, the
/// place table, and the plan table with each plan's diagnostics one click away. Every value
/// from a plan is escaped.
struct HTMLReport {
    let report: ReviewerReport
    let toolVersion: String

    static let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    /// HTML escaping, after unsafe characters are shown escaped.
    static func escape(_ text: String) -> String {
        TextEscaper.replacing(TextEscaper.escape(text), entities)
    }

    /// `text` escaped, with a line break allowed after each `/`: a long file path or rule id
    /// wraps between its parts instead of widening its column past the page.
    static func breakableAtSlashes(_ text: String) -> String {
        escape(text).split(separator: "/", omittingEmptySubsequences: false).joined(separator: "/<wbr>")
    }

    var document: String {
        let pack = report.pack
        let failing = report.rows.count - report.passingPlans
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="fundlint \(Self.escape(toolVersion))">
        <title>Reviewer report: \(Self.escape(pack.title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header>
        <h1>Reviewer report</h1>
        <p class="subtitle">\(Self.escape(pack.title)) · rule pack \(Self.escape(pack.id)) \(Self.escape(pack.version)) · fundlint \(Self.escape(toolVersion))</p>
        </header>
        <main>
        <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <ul class="totals">
        <li><strong>\(report.rows.count)</strong> plan\(report.rows.count == 1 ? "" : "s")</li>
        <li><strong>\(report.passingPlans)</strong> pass</li>
        <li class="\(failing > 0 ? "bad" : "")"><strong>\(failing)</strong> fail</li>
        <li><strong>\(ValueFormatter.pounds(report.fundRequested))</strong> requested\(report.fundLimit.map { " of \(ValueFormatter.pounds($0))" } ?? "")\(report.fundLimit.map { report.fundRequested > $0 ? " <span class=\"badge fail\">oversubscribed</span>" : "" } ?? "")</li>
        </ul>
        </section>

        """
        out += chart
        out += placeTable
        out += planTable
        out += """
        </main>
        <script>\(Self.script)</script>
        </body>
        </html>

        """
        return out
    }

    private var chart: String {
        let groups = report.groupRows
        guard !groups.isEmpty else { return "" }
        let scale = groups.reduce(Int128(1)) { max($0, $1.requested, $1.allocation ?? 0) }
        let rowHeight = 46
        let labelWidth = 380
        let barWidth = 420
        let height = groups.count * rowHeight + 30
        var svg = """
        <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Requested versus allocation by place</h2>
        <p class="legend"><span class="key requested"></span> requested by the batch <span class="key allocation"></span> allocation (or competed strand cap) <span class="key over"></span> more than the allocation</p>
        <svg class="chart" viewBox="0 0 \(labelWidth + barWidth + 320) \(height)" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Requested versus allocation by place</title>
        <desc id="chart-desc">One pair of bars per place: its allocation, and what the plans in this batch request.</desc>

        """
        for (index, group) in groups.enumerated() {
            let y = 10 + index * rowHeight
            func width(_ value: Int128) -> Int { Int(min(value, scale) * Int128(barWidth) / scale) }
            let allocation = group.allocation ?? 0
            let over = group.oversubscribed
            let summary = "\(group.name): \(ValueFormatter.pounds(group.requested)) requested" +
                (group.allocation.map { " of \(ValueFormatter.pounds($0))" } ?? "") + (over ? ", oversubscribed" : "")
            svg += """
            <g>
            <title>\(Self.escape(summary))</title>
            <text x="\(labelWidth - 10)" y="\(y + 22)" text-anchor="end" class="label">\(Self.escape(group.name))</text>
            <rect x="\(labelWidth)" y="\(y + 4)" width="\(max(width(allocation), 1))" height="30" class="allocation"/>
            <rect x="\(labelWidth)" y="\(y + 11)" width="\(max(width(group.requested), group.requested > 0 ? 2 : 0))" height="16" class="\(over ? "over" : "requested")"/>
            <text x="\(labelWidth + max(width(allocation), width(group.requested)) + 8)" y="\(y + 24)" class="amount\(over ? " over-text" : "")">\(Self.escape(ValueFormatter.pounds(group.requested)))\(group.allocation.map { " / " + ValueFormatter.pounds($0) } ?? "")\(over ? " — over" : "")</text>
            </g>

            """
        }
        return svg + "</svg>\n</section>\n"
    }

    private var placeTable: String {
        var out = """
        <section aria-labelledby="places-heading">
        <h2 id="places-heading">Places</h2>
        <div class="table-wrap" role="region" aria-labelledby="places-heading" tabindex="0">
        <table class="sortable">
        <caption>Plans, requests and allocation by place</caption>
        <thead><tr><th scope="col">Place</th><th scope="col" class="num">Plans</th><th scope="col" class="num">Passing</th><th scope="col" class="num">Requested</th><th scope="col" class="num">Allocation</th><th scope="col" class="num">Share used</th><th scope="col" class="num">Co-investment</th></tr></thead>
        <tbody>

        """
        for group in report.groupRows {
            out += "<tr\(group.oversubscribed ? " class=\"over-row\"" : "")><th scope=\"row\">\(Self.escape(group.name))</th>"
            out += "<td class=\"num\">\(group.plans)</td><td class=\"num\">\(group.passing)</td>"
            out += "<td class=\"num\" data-value=\"\(group.requested)\">\(ValueFormatter.pounds(group.requested))</td>"
            out += "<td class=\"num\" data-value=\"\(group.allocation.map { String($0) } ?? "")\">\(group.allocation.map(ValueFormatter.pounds) ?? "–")</td>"
            out += "<td class=\"num\" data-value=\"\(group.share?.description ?? "")\">\(group.share?.percent ?? "–")\(group.oversubscribed ? " <span class=\"badge fail\">over</span>" : "")</td>"
            out += "<td class=\"num\" data-value=\"\(group.coInvestmentRatio?.description ?? "")\">\(group.coInvestmentRatio.map { "\($0) : 1" } ?? "–")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    private var planTable: String {
        var names: [String: String] = [:]
        for group in report.groupRows { names[group.key] = group.name }
        var byPlan: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics where !diagnostic.suppressed {
            byPlan["\(diagnostic.file)\u{0}\(diagnostic.document)", default: []].append(diagnostic)
        }
        var out = """
        <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">Plans</h2>
        <div class="table-wrap" role="region" aria-labelledby="plans-heading" tabindex="0">
        <table class="sortable plans">
        <caption>Every plan, its request and its status (select a heading to sort)</caption>
        <thead><tr><th scope="col">Status</th><th scope="col">Reference</th><th scope="col">Title</th><th scope="col">Place</th><th scope="col">Sector</th><th scope="col" class="num">Requested</th><th scope="col" class="num">Match funding</th><th scope="col">Dates</th><th scope="col">Problems</th></tr></thead>
        <tbody>

        """
        for row in report.rows {
            let pass = row.errors == 0
            let diagnostics = byPlan["\(row.file)\u{0}\(row.document)"] ?? []
            out += "<tr><td><span class=\"badge \(pass ? "pass" : "fail")\">\(pass ? "pass" : "fail")</span></td>"
            out += "<td class=\"id\">\(Self.escape(row.text["reference"] ?? ""))</td>"
            out += "<td>\(Self.escape(row.text["title"] ?? ""))<div class=\"file\">\(Self.breakableAtSlashes(row.file))\(row.document > 0 ? " · plan \(row.document + 1)" : "")</div></td>"
            let place = row.group.flatMap { names[$0] } ?? row.text["region"] ?? ""
            out += "<td>\(Self.escape(place))</td><td>\(Self.escape(row.text["sector"] ?? ""))</td>"
            out += "<td class=\"num\" data-value=\"\(row.money["requested"].map { String($0) } ?? "")\">\(row.money["requested"].map(ValueFormatter.pounds) ?? "–")</td>"
            out += "<td class=\"num\" data-value=\"\(row.money["match_funding"].map { String($0) } ?? "")\">\(row.money["match_funding"].map(ValueFormatter.pounds) ?? "–")</td>"
            out += "<td class=\"id\">\(Self.escape(row.text["start_date"] ?? "?"))<br>\(Self.escape(row.text["end_date"] ?? "?"))</td><td class=\"problems\">"
            if diagnostics.isEmpty {
                out += "none"
            } else {
                out += "<details><summary>\(row.errors) error\(row.errors == 1 ? "" : "s"), \(row.warnings) warning\(row.warnings == 1 ? "" : "s")</summary><ul>"
                for diagnostic in diagnostics {
                    out += "<li class=\"\(diagnostic.severity.rawValue)\"><span class=\"sev\">\(diagnostic.severity.rawValue)</span> "
                    out += "<span class=\"where\">line \(diagnostic.range.start.line)</span> \(Self.escape(diagnostic.message)) <code>\(Self.breakableAtSlashes(diagnostic.rule))</code></li>"
                }
                out += "</ul></details>"
            }
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1b1b1b;background:#fff;margin:0;line-height:1.45}
    header{background:#0b3d68;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.6rem}.subtitle{margin:.3rem 0 0;color:#dce9f5}
    main{padding:1rem 2rem 3rem;max-width:1200px}h2{font-size:1.25rem;margin:1.8rem 0 .6rem;color:#0b3d68}
    .totals{display:flex;flex-wrap:wrap;gap:1.5rem;list-style:none;padding:0;margin:0}.totals li{font-size:1.05rem}.totals .bad strong{color:#a1170f}
    .chart{width:100%;max-width:950px;height:auto}.chart .label{font-size:14px;fill:#1b1b1b}.chart .amount{font-size:13px;fill:#333}
    .chart .allocation{fill:#e3ebf3;stroke:#5b7fa6;stroke-width:1}.chart .requested{fill:#1f5fa8}.chart .over{fill:#b3261e}.chart .over-text{fill:#a1170f;font-weight:600}
    .legend{font-size:.9rem;color:#333}.key{display:inline-block;width:1.6em;height:.8em;margin:0 .3em 0 1em;vertical-align:middle;border:1px solid #5b7fa6}
    .key.requested{background:#1f5fa8}.key.allocation{background:#e3ebf3}.key.over{background:#b3261e}
    table{border-collapse:collapse;width:100%;font-size:.92rem;margin-bottom:1rem}caption{text-align:left;color:#444;padding:.3rem 0;font-size:.88rem}
    th,td{border-bottom:1px solid #d6dde4;padding:.45rem .5rem;text-align:left;vertical-align:top}thead th{background:#eef3f8;cursor:pointer;user-select:none}
    thead th[aria-sort=ascending]::after{content:" \\25B2"}thead th[aria-sort=descending]::after{content:" \\25BC"}
    .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.id{white-space:nowrap}.file{color:#555;font-size:.8rem}.over-row{background:#fdf0ef}
    .badge{display:inline-block;padding:.05rem .5rem;border-radius:.7rem;font-size:.8rem;font-weight:600}.badge.pass{background:#dcefe0;color:#0d5b24}.badge.fail{background:#fadcd9;color:#8a130c}
    details summary{cursor:pointer;color:#0b3d68}details ul{margin:.3rem 0 0;padding-left:1.1rem}li.error .sev{color:#a1170f;font-weight:600}li.warning .sev{color:#7a4b00;font-weight:600}li.note .sev{color:#0b3d68}
    .where{color:#555}code{font-size:.82rem;background:#f2f4f6;padding:0 .2rem}
    .table-wrap{overflow-x:auto;max-width:100%}.problems{min-width:9rem}.problems li{overflow-wrap:anywhere}thead th.num{white-space:normal}
    @media print{header{background:none;color:#000;padding:0}.subtitle{color:#333}main{padding:0;max-width:none}.table-wrap{overflow:visible}thead th{background:#eee}
    thead th::after{content:none!important}details>summary{list-style:none}tr{page-break-inside:avoid}section{page-break-inside:auto}}
    """

    static let script = """
    (function(){
    document.querySelectorAll('table.sortable').forEach(function(table){
    table.querySelectorAll('thead th').forEach(function(th,col){
    th.tabIndex=0;
    function sort(){var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
    var current=th.getAttribute('aria-sort');var asc=current!=='ascending';
    table.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',asc?'ascending':'descending');
    rows.sort(function(a,b){var x=a.cells[col],y=b.cells[col];
    var u=x.getAttribute('data-value'),v=y.getAttribute('data-value');
    var c=(u!==null&&v!==null&&u!==''&&v!=='')?(parseFloat(u)-parseFloat(v)):x.textContent.localeCompare(y.textContent);
    return asc?c:-c;});
    rows.forEach(function(r){body.appendChild(r);});}
    th.addEventListener('click',sort);th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});
    });});
    window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
    })();
    """
}

/// `console.css`: a calm, legible layout for a duty officer at night — neutral surfaces, large
/// text, strong focus rings, level colours always paired with the level word, contrast ≥ 4.5:1
/// for text. Works from 768 px (tablet) up; tuned for 1366×768. A dark variant follows the system.
enum ConsoleStyle {
    static let css = #"""
    :root {
      --bg: #eef1f4; --surface: #ffffff; --text: #1b232c; --muted: #4f5b67; --line: #d3d9df;
      --head: #1f2a36; --head-text: #f2f5f8; --accent: #0b5cad; --accent-text: #ffffff; --focus: #f0a500;
      --ok: #1d6b3a; --ok-bg: #e5f3ea; --err: #a11b1b; --err-bg: #fbe9e9; --warn-bg: #fff4d6; --warn: #6b4a00;
      --red: #b3141b; --orange: #b84700; --yellow: #f2cc19; --blue: #1456a8;
      font-size: 16px;
    }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #12171d; --surface: #1b232c; --text: #e8edf2; --muted: #a9b4bf; --line: #313c48; --head: #0b1015;
              --accent: #4c9be8; --accent-text: #0b1015; --ok: #7fd39b; --ok-bg: #17301f; --err: #ff9d9d; --err-bg: #3a1a1a;
              --warn-bg: #3a3010; --warn: #f3d57a; }
    }
    * { box-sizing: border-box; }
    html { background: var(--bg); }
    body { margin: 0; color: var(--text); font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif;
           line-height: 1.55; min-height: 100vh; display: flex; flex-direction: column; }
    a { color: var(--accent); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
      outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -9999px; top: 0; background: var(--focus); color: #000; padding: .5rem 1rem; z-index: 10; }
    .skip:focus { left: 0; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

    .top { background: var(--head); color: var(--head-text); display: flex; align-items: center; gap: 1.25rem; padding: .5rem 1.25rem; flex-wrap: wrap; }
    .brand { font-weight: 700; font-size: 1.05rem; white-space: nowrap; }
    .brand .mark { background: var(--red); color: #fff; border-radius: 4px; padding: .1rem .4rem; margin-right: .35rem; font-size: .85rem; letter-spacing: .05em; }
    .top nav { flex: 1; }
    .top nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .15rem; }
    .top nav a { color: var(--head-text); text-decoration: none; padding: .45rem .7rem; border-radius: 6px; display: inline-block; }
    .top nav a:hover { background: rgba(255,255,255,.1); }
    .top nav a[aria-current="page"] { background: rgba(255,255,255,.16); box-shadow: inset 0 -3px 0 var(--focus); }
    .who { display: flex; align-items: center; gap: .5rem; font-size: .9rem; }
    .who-roles { color: #b9c4cf; }
    .top .lang { color: var(--head-text); border: 1px solid #5b6977; border-radius: 6px; padding: .25rem .6rem; text-decoration: none; font-size: .9rem; }
    button.linklike { background: none; border: none; color: var(--head-text); text-decoration: underline; cursor: pointer; font: inherit; padding: .25rem; }

    main { flex: 1; width: 100%; max-width: 1340px; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
    .foot { text-align: center; color: var(--muted); font-size: .8rem; padding: .75rem; }
    h1 { font-size: 1.5rem; margin: .25rem 0 .75rem; line-height: 1.3; }
    h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
    h3 { font-size: 1rem; margin: .9rem 0 .4rem; }
    .page-head { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
    .clock { color: var(--muted); margin: 0; }
    .panel { background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.15rem; margin-bottom: 1rem; }
    .panel.narrow { max-width: 440px; margin: 2.5rem auto; }
    .narrow-left { max-width: 640px; }
    .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
    .grid2 > .panel { margin-bottom: 0; }
    .grid2 > :only-child { grid-column: 1 / -1; }
    .grid2 { margin-bottom: 1rem; }
    .editor { display: grid; grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
    .editor-side { align-self: stretch; }
    @media (max-width: 980px) {
      .grid2, .editor { grid-template-columns: 1fr; }
      .draft .actions.sticky { position: fixed; left: 0; right: 0; bottom: 0; top: auto; margin: 0; border-radius: 0; justify-content: center; }
      main:has(.draft) { padding-bottom: 5.5rem; }
    }

    label { display: block; font-weight: 600; margin: .6rem 0 .2rem; }
    label.check, .choices label, .level-choice { font-weight: 400; }
    input, select, textarea { font: inherit; color: var(--text); background: var(--surface); border: 1px solid #8a97a4; border-radius: 6px; padding: .45rem .55rem; width: 100%; }
    input[type="checkbox"], input[type="radio"] { width: auto; accent-color: var(--accent); transform: scale(1.15); margin-right: .35rem; }
    textarea { resize: vertical; }
    fieldset { border: 1px solid var(--line); border-radius: 8px; margin: .75rem 0; padding: .4rem .8rem .7rem; }
    legend { font-weight: 600; padding: 0 .3rem; }
    .choices { display: flex; flex-wrap: wrap; gap: .1rem 1rem; }
    .choices legend { width: 100%; }
    .choices label { margin: .25rem 0; white-space: nowrap; }
    .levels { display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
    .level-choice { display: inline-flex; align-items: center; margin: .3rem 0; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
    .hint { color: var(--muted); font-size: .88rem; margin: .25rem 0; }
    .lead { color: var(--muted); }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .9rem; align-items: center; }
    .actions.sticky { position: sticky; top: .5rem; z-index: 2; background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: .75rem; margin: 0 0 1rem; box-shadow: 0 2px 6px rgba(0,0,0,.08); }
    form.inline { display: inline; }
    button, .button { white-space: nowrap; flex: none; font: inherit; border-radius: 7px; padding: .55rem 1.1rem; border: 1px solid transparent; cursor: pointer; text-decoration: none; display: inline-block; line-height: 1.3; }
    .primary { background: var(--accent); color: var(--accent-text); font-weight: 600; }
    .secondary { background: var(--surface); color: var(--accent); border-color: var(--accent); }
    .danger { background: var(--err); color: #fff; font-weight: 600; }
    .big { font-size: 1.1rem; padding: .7rem 1.6rem; }
    .small { font-size: .85rem; padding: .3rem .7rem; }
    details summary { cursor: pointer; color: var(--accent); margin: .5rem 0; }

    .badge { margin-right: .35rem; display: inline-block; border-radius: 5px; padding: .1rem .5rem; font-weight: 700; font-size: .9rem; white-space: nowrap; border: 2px solid transparent; }
    .level-red { background: var(--red); color: #fff; }
    .level-orange { background: var(--orange); color: #fff; }
    .level-yellow { background: var(--yellow); color: #1b1b1b; border-color: #9c8200; }
    .level-blue { background: var(--blue); color: #fff; }
    .tag { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 .55rem; font-size: .8rem; color: var(--muted); white-space: nowrap; }
    .tag.drill { border-color: #6d3fb0; color: #6d3fb0; font-weight: 600; }
    .tag.big { font-size: 1rem; padding: .15rem .8rem; }
    .tag.expired, .tag.own { border-color: var(--err); color: var(--err); }
    .state { font-weight: 600; white-space: nowrap; }
    .state-pending_review { color: #8a5a00; } .state-approved, .state-sending { color: var(--accent); }
    .state-completed { color: var(--ok); } .state-cancelled, .state-withdrawn, .state-expired, .state-superseded { color: var(--muted); }
    .id { font-family: ui-monospace, "SF Mono", Menlo, monospace; font-size: .78rem; color: var(--muted); word-break: break-all; }
    .num { font-variant-numeric: tabular-nums; font-family: ui-monospace, Menlo, monospace; }

    table.list { width: 100%; border-collapse: collapse; font-size: .94rem; }
    table.list th, table.list td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.list thead th { font-size: .85rem; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
    table.list tbody th { font-weight: 600; }
    table.compact th, table.compact td { padding: .3rem .45rem; font-size: .88rem; }
    caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    .empty { color: var(--muted); font-style: italic; }
    .pager { display: flex; gap: 1rem; margin: .75rem 0 0; }
    .toolbar { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin: .6rem 0; }
    .toolbar.split { justify-content: space-between; align-items: flex-end; }
    .search-row { display: flex; gap: .5rem; max-width: 560px; }
    .inline-fields { display: flex; gap: .75rem; align-items: flex-end; flex-wrap: wrap; }
    .inline-fields label { margin-top: 0; }
    ul.plain { list-style: none; padding: 0; margin: 0; }
    ul.plain li { padding: .4rem 0; border-bottom: 1px solid var(--line); }
    ul.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: .5rem; }
    ul.cards li { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .7rem; }
    .tabs ul, .filters ul { list-style: none; padding: 0; margin: 0 0 .75rem; display: flex; flex-wrap: wrap; gap: .25rem; }
    .tabs a, .filters a { display: inline-block; padding: .35rem .8rem; border-radius: 999px; border: 1px solid var(--line); background: var(--surface); text-decoration: none; }
    .tabs a[aria-current], .filters a[aria-current] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }

    .flash, .ok-box { background: var(--ok-bg); color: var(--ok); border-left: 5px solid var(--ok); padding: .6rem .9rem; border-radius: 6px; font-weight: 600; }
    .error-box { background: var(--err-bg); color: var(--err); border-left: 5px solid var(--err); padding: .5rem .9rem; border-radius: 6px; margin: .5rem 0 1rem; }
    .error-box p, .warn-box p { margin: .3rem 0; }
    .error-box .detail { font-weight: 400; }
    .warn-box { background: var(--warn-bg); color: var(--warn); border-left: 5px solid #c99700; padding: .5rem .9rem; border-radius: 6px; margin: .5rem 0 1rem; }
    .secret-box { background: var(--warn-bg); border: 2px dashed #c99700; padding: .6rem 1rem; border-radius: 8px; margin-bottom: 1rem; }
    .secret code { font-size: 1.2rem; user-select: all; }
    .ok { color: var(--ok); font-weight: 600; }
    .alerts { background: var(--err-bg); border: 1px solid var(--err); border-radius: 10px; padding: .6rem 1rem; margin-bottom: 1rem; color: var(--err); }
    .alerts h2 { color: var(--err); margin-bottom: .25rem; }
    .alerts ul { margin: 0; padding-left: 1.2rem; }

    .phone { background: var(--bg); border-radius: 14px; padding: .75rem; margin: .25rem 0 .5rem; }
    .sms { background: var(--surface); border: 1px solid var(--line); border-radius: 12px 12px 12px 3px; padding: .6rem .8rem; margin: 0; white-space: pre-wrap; font-size: 1.02rem; }
    dl.facts { display: flex; flex-wrap: wrap; gap: .35rem 1.5rem; margin: .4rem 0; }
    dl.facts div { min-width: 6rem; }
    dl.facts dt { font-size: .8rem; color: var(--muted); }
    dl.facts dd { margin: 0; font-weight: 600; }
    dl.facts.wide div { min-width: 11rem; }
    ul.lint { list-style: none; padding: 0; margin: 0; }
    ul.lint li { padding: .35rem .5rem; border-radius: 6px; margin-bottom: .3rem; background: var(--bg); }
    .lint .sev { font-weight: 700; margin-right: .35rem; }
    .sev-error .sev { color: var(--err); } .sev-warning .sev { color: var(--warn); } .sev-info .sev { color: var(--muted); }
    .diff { white-space: pre-wrap; background: var(--bg); padding: .5rem .7rem; border-radius: 6px; }
    ins { background: #d4f1dc; color: #0f4620; text-decoration: underline; }
    del { background: #f8d7d7; color: #6e1010; }
    .body-text { white-space: pre-wrap; }
    .decision .reject { max-width: 640px; margin-top: 1rem; }

    .bars { display: grid; gap: .45rem; margin: .5rem 0; }
    .bar { display: grid; grid-template-columns: 7rem 1fr 15rem; gap: .6rem; align-items: center; }
    .bar.total .bar-label { font-weight: 700; }
    .bar-figure { font-variant-numeric: tabular-nums; font-size: .9rem; }
    progress { width: 100%; height: 1.1rem; accent-color: var(--ok); }
    .active-warning { border-bottom: 1px solid var(--line); padding: .4rem 0 .8rem; }
    .active-warning h3 { margin-top: .3rem; }
    .meta { color: var(--muted); margin: .2rem 0; font-size: .9rem; }
    .curve-box { margin: .5rem 0; }
    svg.curve { width: 100%; height: auto; max-height: 230px; display: block; background: var(--bg); border-radius: 8px; }
    svg.curve .line { fill: none; stroke: var(--ok); stroke-width: 2.5; }
    svg.curve .grid { stroke: var(--line); stroke-width: 1; }
    svg.curve .tick { fill: var(--muted); font-size: 13px; }
    .timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
    .timeline li { padding: .3rem 0 .5rem 1rem; position: relative; }
    .timeline li::before { content: ""; position: absolute; left: -8px; top: .65rem; width: 13px; height: 13px; border-radius: 50%; background: var(--accent); }
    .timeline time { color: var(--muted); font-variant-numeric: tabular-nums; }
    .comment { margin: .2rem 0 0; padding: .3rem .6rem; background: var(--warn-bg); border-radius: 6px; }
    .link-state { font-weight: 700; }
    .links progress { width: 4.5rem; height: .8rem; vertical-align: middle; }
    .links td:nth-child(5) { white-space: nowrap; }
    .link-bound { color: var(--ok); } .link-down { color: var(--err); } .link-throttled, .link-connecting { color: var(--warn); }
    .delivery-delivered { color: var(--ok); } .delivery-failed, .delivery-expired { color: var(--err); font-weight: 600; }
    .result-failure, .result-denied { color: var(--err); font-weight: 600; }
    .detail { font-family: ui-monospace, Menlo, monospace; font-size: .78rem; word-break: break-all; max-width: 22rem; }
    .row-actions { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; }
    .followups { margin-top: .75rem; border-top: 1px solid var(--line); padding-top: .25rem; }
    .login .actions button { width: 100%; font-size: 1.05rem; }
    .status-code { color: var(--muted); }
    """#
}

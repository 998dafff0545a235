/// `console.js`: progressive enhancement only — every page works without it. It updates the
/// draft preview as the author types (the console's preview endpoint, CSRF token in a header),
/// follows live progress by server-sent events (bars, figures, the delivery curve), and asks for
/// confirmation before forms marked `data-confirm`.
enum ConsoleScript {
    static let js = #"""
    "use strict";
    (function () {
      var csrf = document.querySelector('meta[name="csrf-token"]');
      var token = csrf ? csrf.getAttribute("content") : "";

      document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        form.addEventListener("submit", function (e) {
          if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
        });
      });

      var draft = document.getElementById("draft-form");
      if (draft) {
        var preview = document.getElementById("preview");
        var touched = {};
        ["headline", "sms", "body"].forEach(function (name) {
          var field = draft.elements[name];
          if (field) { field.addEventListener("input", function () { touched[name] = true; }); }
        });
        var timer = null, seq = 0;
        var refresh = function (fillTemplate) {
          var mine = ++seq;
          var body = new URLSearchParams(new FormData(draft));
          body.delete("_csrf");
          if (fillTemplate) { ["headline", "sms", "body"].forEach(function (n) { if (!touched[n]) { body.set(n, ""); } }); }
          fetch(draft.getAttribute("data-preview"), {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token },
            body: body.toString()
          }).then(function (r) { return r.ok ? r.json() : null; }).then(function (answer) {
            if (!answer || mine !== seq) { return; }
            if (fillTemplate) {
              ["headline", "sms", "body"].forEach(function (n) {
                if (!touched[n] && answer[n] && draft.elements[n]) { draft.elements[n].value = answer[n]; }
              });
            }
            preview.innerHTML = answer.html;
          }).catch(function () {});
        };
        var schedule = function (fillTemplate) {
          if (timer) { clearTimeout(timer); }
          timer = setTimeout(function () { refresh(fillTemplate); }, 350);
        };
        draft.addEventListener("input", function (e) {
          var n = e.target.name;
          schedule(n === "hazard" || n === "level" || n === "region" || n === "effective" || n === "expires");
        });
        draft.addEventListener("change", function (e) {
          var n = e.target.name;
          schedule(n === "hazard" || n === "level" || n === "region" || n === "effective" || n === "expires");
        });
      }

      var live = document.getElementById("live");
      if (live && live.getAttribute("data-events") && window.EventSource) {
        var curve = document.getElementById("curve");
        var points = curve ? JSON.parse(curve.getAttribute("data-points") || "[]") : [];
        var draw = function () {
          if (!curve || points.length === 0) { return; }
          var t0 = points[0][0], t1 = Math.max(points[points.length - 1][0], t0 + 1);
          var w = +curve.getAttribute("data-width"), h = +curve.getAttribute("data-height"), pad = +curve.getAttribute("data-pad");
          var line = points.map(function (p) {
            var x = pad + (p[0] - t0) / (t1 - t0) * (w - 2 * pad);
            var y = h - pad - p[1] * (h - 2 * pad);
            return x.toFixed(1) + "," + y.toFixed(1);
          }).join(" ");
          document.getElementById("curve-line").setAttribute("points", line);
        };
        var update = function (key, bar) {
          var el = live.querySelector('progress[data-bar="' + key + '"]');
          if (el) { el.max = Math.max(bar.planned, 1); el.value = bar.delivered; el.textContent = bar.percent; }
          var fig = live.querySelector('[data-fig="' + key + '"]');
          if (fig) {
            fig.textContent = bar.percent + " · " + bar.delivered + " / " + bar.planned + (bar.failed > 0 ? " · ✕ " + bar.failed : "");
          }
        };
        var source = new EventSource(live.getAttribute("data-events"));
        source.addEventListener("progress", function (e) {
          var p = JSON.parse(e.data);
          update("total", p.total);
          p.carriers.forEach(function (c) { update(c.key, c); });
          var ack = document.getElementById("ack-count");
          if (ack) { ack.textContent = p.acknowledged; }
          var share = p.total.planned > 0 ? p.total.delivered / p.total.planned : 0;
          points.push([p.at, share]);
          draw();
          live.setAttribute("data-percent", p.total.percent);
          if (p.finished) {
            var state = document.getElementById("live-state");
            if (state) { state.textContent = live.getAttribute("data-finished-label") || state.textContent; }
          }
        });
        source.addEventListener("finished", function () {
          source.close();
          live.setAttribute("data-finished", "true");
        });
      }
    })();
    """#
}

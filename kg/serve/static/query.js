// The query form of the landing page: examples into the text area, results as a table. No outside code.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-base");
  var form = document.getElementById("query-form");
  var area = document.getElementById("query");
  var pick = document.getElementById("example");
  var status = document.getElementById("status");
  var results = document.getElementById("results");

  pick.addEventListener("change", function () {
    var t = document.querySelector('template[data-example="' + pick.value + '"]');
    if (t) { area.value = t.content.textContent; }
  });

  function cell(term) {
    var td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      var a = document.createElement("a");
      a.textContent = term.value;
      a.href = term.value.indexOf(base) === 0 ? "/id/" + term.value.slice(base.length) : term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.value + (term["xml:lang"] ? " @" + term["xml:lang"] : "");
    }
    return td;
  }

  function table(data) {
    var t = document.createElement("table");
    t.className = "results";
    var head = t.insertRow();
    data.head.vars.forEach(function (v) {
      var th = document.createElement("th");
      th.textContent = "?" + v;
      head.appendChild(th);
    });
    data.results.bindings.forEach(function (b) {
      var tr = t.insertRow();
      data.head.vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
    });
    return t;
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    status.textContent = "running…";
    results.textContent = "";
    var started = Date.now();
    fetch(form.getAttribute("action"), {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: "query=" + encodeURIComponent(area.value)
    }).then(function (r) {
      var type = r.headers.get("content-type") || "";
      return r.text().then(function (body) { return {ok: r.ok, status: r.status, type: type, body: body}; });
    }).then(function (r) {
      var secs = ((Date.now() - started) / 1000).toFixed(2) + " s";
      if (!r.ok) {
        status.textContent = "error " + r.status + " (" + secs + ")";
        var pre = document.createElement("pre");
        pre.className = "error";
        pre.textContent = r.body;
        results.appendChild(pre);
      } else if (r.type.indexOf("json") >= 0) {
        var data = JSON.parse(r.body);
        if (data.head && data.results) {
          status.textContent = data.results.bindings.length + " rows (" + secs + ")";
          results.appendChild(table(data));
        } else {
          status.textContent = String(data.boolean) + " (" + secs + ")";
        }
      } else {
        status.textContent = "graph (" + secs + ")";
        var out = document.createElement("pre");
        out.textContent = r.body;
        results.appendChild(out);
      }
    }).catch(function (e) { status.textContent = "failed: " + e; });
  });
}());

/* lsip-check audit: progressive enhancement only. Without JavaScript every table is
   complete and readable; with it, headers sort and some tables get a filter box.
   Filter text is kept in the URL (?q=) and, where the browser allows, localStorage. */
(function () {
  "use strict";
  function cellText(row, i) {
    var c = row.children[i];
    return c ? c.textContent.trim() : "";
  }
  function sortBy(table, i, numeric, button) {
    var body = table.tBodies[0];
    var th = button.parentNode;
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellText(a, i), y = cellText(b, i), r;
      if (numeric) { r = (parseFloat(x) || 0) - (parseFloat(y) || 0); }
      else { r = x.localeCompare(y, "en-GB", { numeric: true }); }
      return dir === "ascending" ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head || !table.tBodies[0]) { return; }
    Array.prototype.forEach.call(head.cells, function (th, i) {
      if (th.tagName !== "TH") { return; }
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) { b.appendChild(th.firstChild); }
      th.appendChild(b);
      b.addEventListener("click", function () { sortBy(table, i, th.getAttribute("data-type") === "number", b); });
    });
  });
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* file:// may refuse */ }
  }
  function stored(key) {
    try { return window.localStorage.getItem(key) || ""; } catch (e) { return ""; }
  }
  Array.prototype.forEach.call(document.querySelectorAll(".filter-slot"), function (slot) {
    var table = document.getElementById(slot.getAttribute("data-for"));
    if (!table) { return; }
    var id = table.id + "-filter";
    var wrap = document.createElement("div");
    wrap.className = "filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Filter rows: ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    status.className = "meta";
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(status);
    slot.appendChild(wrap);
    function apply() {
      var q = input.value.trim().toLowerCase(), shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var hit = !q || r.textContent.toLowerCase().indexOf(q) !== -1;
        r.hidden = !hit;
        if (hit) { shown += 1; }
      });
      status.textContent = shown + " of " + table.tBodies[0].rows.length + " rows shown";
      store(id, input.value);
    }
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || stored(id);
    input.addEventListener("input", apply);
    apply();
  });
}());

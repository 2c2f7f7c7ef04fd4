// Stockyard console: small enhancements over server-rendered pages. Every page works without it;
// no inline script anywhere (the Content-Security-Policy allows only this file).
(function () {
  "use strict";

  // Search as you type: a filter form with data-live="<id>" refreshes that part of the page.
  function liveFilters(form) {
    var target = document.getElementById(form.getAttribute("data-live"));
    if (!target) return;
    var timer = null;
    var serial = 0;
    function refresh() {
      var params = new URLSearchParams(new FormData(form));
      var url = form.getAttribute("action") + "?" + params.toString();
      var mine = ++serial;
      fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (mine !== serial) return;
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById(target.id);
          if (fresh) {
            target.replaceChildren.apply(target, Array.prototype.slice.call(fresh.childNodes));
            history.replaceState(null, "", url);
          }
        });
    }
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    form.addEventListener("change", function () {
      clearTimeout(timer);
      refresh();
    });
  }

  // Scanner fields: a scanner types the code and Enter. Enter looks the item up (by SKU, then
  // barcode, through the API) and moves the focus to the field named in data-scan.
  function scanField(input) {
    var next = document.getElementById(input.getAttribute("data-scan"));
    var status = document.getElementById("scan-result");
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var code = input.value.trim();
      if (!code) return;
      fetch(document.body.getAttribute("data-app") + "/lookup?code=" + encodeURIComponent(code), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (found) {
          if (found.found) {
            input.removeAttribute("aria-invalid");
            if (status) status.textContent = found.sku + " — " + found.name;
            if (next) { next.focus(); next.select(); }
          } else {
            input.setAttribute("aria-invalid", "true");
            if (status) status.textContent = found.message;
            input.select();
          }
        });
    });
  }

  // 429 and 503: count down the Retry-After, then retry (the form again, with the same
  // Idempotency-Key, or the page).
  function retryCountdown(problem) {
    var seconds = parseInt(problem.getAttribute("data-retry-after"), 10);
    var form = document.querySelector("form[data-retry-form]");
    // Automatic: post the form again (same fields, same Idempotency-Key), or reload a page that was
    // read (GET). A page answering some other form post cannot be reloaded without posting blindly.
    var automatic = problem.getAttribute("data-retry") === "auto" &&
      (form !== null || document.body.getAttribute("data-method") === "GET");
    var label = problem.querySelector(".countdown");
    var tick = setInterval(function () {
      seconds -= 1;
      if (label) {
        if (automatic) label.textContent = seconds > 0 ? "trying again in " + seconds + " seconds" : "trying again now";
        else label.textContent = seconds > 0 ? "try again in " + seconds + " seconds" : "you can try again now";
      }
      if (seconds <= 0) {
        clearInterval(tick);
        if (!automatic) return;
        if (form) form.requestSubmit(); else location.reload();
      }
    }, 1000);
  }

  // Copy buttons (an API key's secret, an invite link).
  function copyButton(button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) return;
      var text = source.value !== undefined ? source.value : source.textContent;
      navigator.clipboard.writeText(text.trim()).then(function () {
        button.textContent = "Copied";
      });
    });
  }

  // Buttons that need a second thought (archive, revoke, cancel).
  function confirmButton(button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
    });
  }

  // An invite link carries its token in the fragment (never sent to a server): fill the field.
  function fromFragment(input) {
    var match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
    if (match && !input.value) input.value = decodeURIComponent(match[1]);
  }

  // A file chosen for import is read into the rows field (the form posts text, never a file).
  function fileInto(input) {
    var target = document.getElementById(input.getAttribute("data-into"));
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file || !target) return;
      file.text().then(function (text) { target.value = text; });
    });
  }

  // A job still running: look again every second.
  function refreshSoon() {
    setTimeout(function () { location.reload(); }, 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-into]").forEach(fileInto);
    if (document.querySelector("[data-refresh]")) refreshSoon();
    document.querySelectorAll("form[data-live]").forEach(liveFilters);
    document.querySelectorAll("input[data-scan]").forEach(scanField);
    document.querySelectorAll(".problem[data-retry-after]").forEach(retryCountdown);
    document.querySelectorAll("button[data-copy]").forEach(copyButton);
    document.querySelectorAll("button[data-confirm]").forEach(confirmButton);
    document.querySelectorAll("input[data-from-fragment]").forEach(fromFragment);
    var invalid = document.querySelector("[aria-invalid=true]");
    var problem = document.getElementById("problem");
    if (invalid) invalid.focus(); else if (problem) problem.focus();
  });
})();

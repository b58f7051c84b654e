/**
 * The web UI's one stylesheet and one script, served from /assets/ (same origin, so the pages'
 * Content-Security-Policy allows them and nothing else). The pages work without the script
 * (plain links and forms); the script adds the upload progress bar, live status over
 * server-sent events and the copy buttons.
 */
export const APP_CSS = `
:root { --fg: #1d2127; --muted: #5b6470; --line: #d9dee4; --bg: #f7f8fa; --fail: #b3261e; --warn: #8a5a00; --info: #2f5f98; --ok: #1e6b3a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header.top { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
header.top .brand { font-weight: 700; color: var(--fg); text-decoration: none; }
header.top nav { display: flex; gap: 1rem; flex: 1; }
header.top nav a[aria-current] { font-weight: 600; text-decoration: underline; }
.signout { display: flex; gap: .5rem; align-items: center; color: var(--muted); }
main { max-width: 1200px; margin: 0 auto; padding: 1.2rem 1.5rem 3rem; }
a { color: #1f5fa8; }
h1 { font-size: 1.5rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
section.card, form.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; margin-bottom: 1rem; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 4px; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.s-fail, .s-error { color: var(--fail); } .s-warn { color: var(--warn); } .s-info, .s-running, .s-queued { color: var(--info); } .s-done, .s-pass, .s-clean { color: var(--ok); }
.muted { color: var(--muted); }
.headline { border-left: 4px solid var(--fail); padding: .6rem 1rem; background: #fff; margin-bottom: 1rem; }
.headline.clean { border-left-color: var(--ok); }
.filters { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; }
.filters label, .upload label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, select, button { font: inherit; }
input[type=text], input[type=search], select { padding: .25rem .4rem; border: 1px solid var(--line); border-radius: 4px; }
button { padding: .25rem .8rem; border: 1px solid #9aa4b1; border-radius: 4px; background: #fff; cursor: pointer; }
button.primary { background: #1f5fa8; color: #fff; border-color: #1f5fa8; }
.upload { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; }
progress { width: 16rem; height: .9rem; }
details.finding { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; padding: .5rem 1rem; }
details.finding > summary { cursor: pointer; font-weight: 600; }
details.fix { margin: .6rem 0; }
details.fix > summary { cursor: pointer; color: #1f5fa8; }
pre { background: #f1f3f6; padding: .6rem .8rem; overflow-x: auto; border-radius: 4px; margin: .3rem 0; font-size: .85rem; }
code { font-size: .88em; }
.command { display: flex; gap: .5rem; align-items: flex-start; }
.command pre { flex: 1; white-space: pre-wrap; word-break: break-all; }
.diff .add { color: var(--ok); } .diff .del { color: var(--fail); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.evidence li { margin-bottom: .3rem; }
.pager { display: flex; gap: 1rem; margin-top: .8rem; }
.note { font-size: .85rem; color: var(--muted); }
.error-box { border-left: 4px solid var(--fail); background: #fff; padding: .6rem 1rem; }
table.nodes { margin-top: .8rem; } table.nodes tr.problem td { background: #fff7e6; }
ol.timeline { list-style: none; padding-left: 0; border-left: 3px solid var(--line); margin-left: .3rem; background: #fff; }
ol.timeline > li.minute { padding-left: .9rem; } ol.timeline h3 { font-size: .85rem; color: var(--muted); margin: .6rem 0 .1rem; }
ol.entries { list-style: none; padding-left: 0; margin: .2rem 0; }
li.entry { padding: .1rem .4rem; border-radius: 3px; font-size: .9rem; overflow-wrap: anywhere; }
li.entry.own { background: #eef4fb; border-left: 3px solid var(--info); }
li.entry .when { font-family: ui-monospace, monospace; font-size: .8rem; color: var(--muted); }
li.entry .level { font-size: .72rem; font-weight: 700; color: var(--muted); }
li.entry.level-warning .level { color: var(--warn); } li.entry.level-error .level { color: var(--fail); }
li.entry:target { outline: 2px solid var(--info); }
code.where { color: var(--muted); }
table.templates code { overflow-wrap: anywhere; }
nav.crumbs { font-size: .9rem; margin-bottom: .4rem; }
nav.tabs { display: flex; gap: 1.2rem; border-bottom: 1px solid var(--line); margin: .6rem 0 1rem; }
nav.tabs a { padding: .3rem 0; text-decoration: none; }
nav.tabs a[aria-current] { font-weight: 600; border-bottom: 2px solid #1f5fa8; }
.filters label.inline { flex-direction: row; gap: .3rem; align-items: center; }
td.place code { font-size: .78rem; color: var(--muted); white-space: nowrap; }
table.log td { padding: .1rem .5rem; border-bottom: none; font: .82rem/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table.log td.text { white-space: pre-wrap; word-break: break-all; }
table.log td.time { white-space: nowrap; color: var(--muted); }
table.log tr:hover { background: #eef2f7; }
.fields dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0 0 .2rem; }
.fields dt { color: var(--muted); font-size: .88rem; }
.fields dd { margin: 0; word-break: break-word; }
.fields ol.items { margin: 0; padding-left: 1.2rem; }
ul.labels { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .8rem; }
ul.cited li { margin-bottom: .3rem; }
pre.yaml { white-space: pre; }
#conditions td, #events td { overflow-wrap: anywhere; }
#events td:nth-child(3) { white-space: nowrap; }
@media print { header.top, .upload, .filters, button.copy { display: none; } details { open: true; } }
`;

export const APP_JS = `
'use strict';
(function () {
  // Upload with a progress bar: the file is the request body, the form's fields go in the query.
  var form = document.getElementById('upload-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      if (!input || !input.files || input.files.length === 0) return;
      event.preventDefault();
      var file = input.files[0];
      var params = new URLSearchParams();
      params.set('fileName', file.name);
      var ticket = form.querySelector('[name=ticket]');
      if (ticket && ticket.value) params.set('ticket', ticket.value);
      var labels = form.querySelector('[name=label]');
      if (labels && labels.value) labels.value.split(',').forEach(function (label) { if (label.trim()) params.append('label', label.trim()); });
      var bar = document.getElementById('upload-progress');
      var status = document.getElementById('upload-status');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/uploads?' + params.toString());
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      bar.hidden = false;
      bar.value = 0;
      status.textContent = 'Uploading ' + file.name + '…';
      xhr.upload.addEventListener('progress', function (progress) {
        if (progress.lengthComputable) bar.value = progress.loaded / progress.total;
      });
      xhr.addEventListener('load', function () {
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (e) {}
        if (xhr.status === 202) {
          bar.value = 1;
          status.textContent = answer.duplicate ? 'Already analysed: opening it…' : 'Uploaded: analysing…';
          window.location.href = answer.links.page;
        } else {
          status.textContent = 'Refused: ' + ((answer.error && answer.error.message) || xhr.status);
        }
      });
      xhr.addEventListener('error', function () { status.textContent = 'The upload failed: the connection was lost.'; });
      xhr.send(file);
    });
  }

  // Live status: the server sends an "analysis" event whenever one changes.
  var live = document.querySelector('[data-live]');
  if (live && window.EventSource) {
    var only = live.getAttribute('data-analysis');
    var source = new EventSource('/api/events' + (only ? '?analysis=' + encodeURIComponent(only) : ''));
    source.addEventListener('analysis', function (message) {
      var analysis = JSON.parse(message.data);
      if (only) {
        var progress = document.getElementById('analysis-progress');
        if (progress) progress.value = analysis.progress;
        var state = document.getElementById('analysis-status');
        if (state) { state.textContent = analysis.status; state.className = 'badge s-' + analysis.status; }
        if (analysis.status === 'done' || analysis.status === 'error') { source.close(); window.location.reload(); }
        return;
      }
      var row = document.querySelector('tr[data-analysis-id="' + analysis.id + '"]');
      if (!row) {
        var fresh = document.getElementById('new-analyses');
        if (fresh) fresh.hidden = false;
        return;
      }
      var badge = row.querySelector('.status');
      if (badge) { badge.textContent = analysis.status; badge.className = 'badge status s-' + analysis.status; }
      var bar = row.querySelector('progress');
      if (bar) { bar.value = analysis.progress; bar.hidden = analysis.status !== 'running'; }
      var headline = row.querySelector('.headline-cell');
      if (headline && analysis.status === 'done') headline.textContent = (analysis.summary && analysis.summary.headline) || 'nothing failed';
      if (headline && analysis.status === 'error') headline.textContent = analysis.error ? analysis.error.message : 'error';
    });
  }

  // Copy buttons: the text of the element they name.
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy'));
      if (!target || !navigator.clipboard) return;
      navigator.clipboard.writeText(target.textContent).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      });
    });
  });
})();
`;

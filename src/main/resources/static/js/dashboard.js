// Draws the dashboard's charts from the figures the page embeds (the same numbers as its tables).
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source || typeof Chart === 'undefined') { return; }
  var d = JSON.parse(source.textContent);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;
  var blue = '#2f6fab', teal = '#2a9d8f', red = '#b42318', amber = '#d08a00', grey = '#9aa5b5';
  var percent = { ticks: { callback: function (v) { return Math.round(v * 100) + '%'; } }, beginAtZero: true };
  var dollars = { ticks: { callback: function (v) { return '$' + Number(v).toLocaleString('en-US'); } }, beginAtZero: true };
  function top(rows, n) { return rows.slice(0, n); }
  function label(key) { return String(key).replace(/_/g, ' '); }
  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) { new Chart(canvas, config); }
  }
  chart('chart-week', { type: 'line', data: {
      labels: d.byWeek.map(function (r) { return r.key; }),
      datasets: [
        { label: 'by volume', data: d.byWeek.map(function (r) { return r.byVolume; }), borderColor: blue, backgroundColor: blue, tension: .2 },
        { label: 'by dollars', data: d.byWeek.map(function (r) { return r.byDollars; }), borderColor: amber, backgroundColor: amber, tension: .2 }
      ] }, options: { scales: { y: percent } } });
  chart('chart-aging', { type: 'bar', data: {
      labels: d.aging.map(function (a) { return a.bucket + ' days'; }),
      datasets: [{ label: 'dollars at risk', data: d.aging.map(function (a) { return a.atRisk; }),
        backgroundColor: [teal, blue, amber, '#c0612b', red] }] },
    options: { plugins: { legend: { display: false } }, scales: { y: dollars } } });
  var payers = top(d.byPayer, 8);
  chart('chart-payer', { type: 'bar', data: {
      labels: payers.map(function (r) { return r.key; }),
      datasets: [
        { label: 'by volume', data: payers.map(function (r) { return r.byVolume; }), backgroundColor: blue },
        { label: 'by dollars', data: payers.map(function (r) { return r.byDollars; }), backgroundColor: amber }
      ] }, options: { indexAxis: 'y', scales: { x: percent } } });
  var causes = top(d.byRootCause, 10);
  chart('chart-cause', { type: 'bar', data: {
      labels: causes.map(function (r) { return label(r.key); }),
      datasets: [{ label: 'denied dollars', data: causes.map(function (r) { return r.deniedDollars; }), backgroundColor: red }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: dollars } } });
  var queues = d.backlog.filter(function (b) { return b.open > 0 || b.slaBreaches > 0; });
  chart('chart-backlog', { type: 'bar', data: {
      labels: queues.map(function (b) { return b.queue; }),
      datasets: [
        { label: 'on time', data: queues.map(function (b) { return b.open - b.overdue; }), backgroundColor: teal, stack: 'tasks' },
        { label: 'overdue', data: queues.map(function (b) { return b.overdue; }), backgroundColor: red, stack: 'tasks' },
        { label: 'SLA breaches', data: queues.map(function (b) { return b.slaBreaches; }), backgroundColor: grey, stack: 'breaches' }
      ] }, options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
  chart('chart-appeals', { type: 'bar', data: {
      labels: d.appealsByLevel.map(function (a) { return 'Level ' + a.key; }),
      datasets: [{ label: 'overturn rate', data: d.appealsByLevel.map(function (a) { return a.overturnRate; }), backgroundColor: teal }] },
    options: { plugins: { legend: { display: false } }, scales: { y: Object.assign({ max: 1 }, percent) } } });
})();

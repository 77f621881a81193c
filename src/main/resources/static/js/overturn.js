// Keyboard help for every page: "?" shows the shortcuts, "/" jumps to the first filter, j/k move through a
// list's rows and Enter or o opens the selected one. Nothing here is needed to use a page.
(function () {
  'use strict';
  var panel = document.getElementById('shortcuts');
  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName));
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('tr[data-href]')); }
  var current = -1;
  function select(index) {
    var all = rows();
    if (!all.length) { return; }
    current = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (r, i) { r.classList.toggle('selected', i === current); });
    var link = all[current].querySelector('a');
    if (link) { link.focus(); }
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && panel && !panel.hidden) { panel.hidden = true; return; }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === '?') { if (panel) { panel.hidden = !panel.hidden; } e.preventDefault(); }
    else if (e.key === '/') {
      var first = document.querySelector('form.filters input, form.filters select');
      if (first) { first.focus(); e.preventDefault(); }
    }
    else if (e.key === 'j') { select(current + 1); e.preventDefault(); }
    else if (e.key === 'k') { select(current - 1); e.preventDefault(); }
    else if (e.key === 'o' && current >= 0) { window.location = rows()[current].getAttribute('data-href'); }
  });
  // "select all" boxes of bulk actions
  document.querySelectorAll('input[data-select-all]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.querySelectorAll('input[name="' + box.getAttribute('data-select-all') + '"]').forEach(function (b) {
        if (!b.disabled) { b.checked = box.checked; }
      });
    });
  });
  var problems = document.getElementById('form-problems');
  if (problems) {
    var firstInvalid = document.querySelector('[aria-invalid="true"]');
    if (firstInvalid) { firstInvalid.focus(); }
  }
})();

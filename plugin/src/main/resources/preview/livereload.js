// Preview only (mvn site:run): reloads the page after a rebuild and shows content problems.
(function () {
  'use strict';
  var panel = null;
  function showProblem(text) {
    if (!panel) {
      var style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = '/_preview/preview.css';
      document.head.appendChild(style);
      panel = document.createElement('div');
      panel.className = 'preview-problem';
      panel.setAttribute('role', 'alert');
      document.body.insertBefore(panel, document.body.firstChild);
    }
    panel.textContent = '';
    var title = document.createElement('strong');
    title.textContent = 'The site could not be rebuilt. Fix this and save; the page reloads by itself:';
    var detail = document.createElement('pre');
    detail.textContent = text;
    panel.appendChild(title);
    panel.appendChild(detail);
  }
  var hadProblem = false;
  var source = new EventSource('/_preview/events');
  source.addEventListener('reload', function () { window.location.reload(); });
  source.addEventListener('problem', function (event) { hadProblem = true; showProblem(event.data); });
  source.addEventListener('ok', function () { if (hadProblem) { window.location.reload(); } });
}());

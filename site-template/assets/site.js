/*
 * Radicale Vernieuwers: no framework, no tracking.
 *
 * The root page (<body data-autoselect="<default language>">) sends the visitor to the site in
 * the first of their browser's languages that the site has, or else to the default language.
 * Its links (a[hreflang]) give the languages and their addresses, so nothing is hard-coded here.
 */
(function () {
  'use strict';

  var body = document.body;
  if (!body || !body.hasAttribute('data-autoselect')) {
    return;
  }

  // Someone who came here from one of our own pages wants to choose: let them.
  if (document.referrer) {
    try {
      if (new URL(document.referrer).origin === location.origin) {
        return;
      }
    } catch (ignored) {
      // An unreadable referrer is treated as none.
    }
  }

  var targets = {};
  var links = document.querySelectorAll('a[hreflang]');
  for (var i = 0; i < links.length; i++) {
    targets[links[i].getAttribute('hreflang').toLowerCase()] = links[i].href;
  }

  var preferred = navigator.languages && navigator.languages.length
    ? navigator.languages
    : [navigator.language || ''];
  for (var j = 0; j < preferred.length; j++) {
    var code = String(preferred[j]).toLowerCase().split('-')[0];
    if (targets[code]) {
      location.replace(targets[code]);
      return;
    }
  }

  var fallback = targets[body.getAttribute('data-autoselect').toLowerCase()] ||
    targets[document.documentElement.lang.toLowerCase()];
  if (fallback) {
    location.replace(fallback);
  }
})();

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

/*
 * Voting. The page works without this: the form posts to the counter, which answers with a redirect
 * to a page of the site. With it, the page asks the counter for the live phase (so it switches from
 * "upcoming" to "open" to "closed" at the exact minute, without a rebuild), submits without leaving
 * the page, and draws the results. An edition that asks no e-mail address (its form has
 * data-challenge) needs this script: before each vote the browser solves the counter's proof of work.
 */
(function () {
  'use strict';

  var MAX_TIMER = 24 * 60 * 60 * 1000;

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().then(function (body) {
        return { status: response.status, body: body };
      });
    });
  }

  function showPhase(vote, phase) {
    var blocks = vote.querySelectorAll('[data-phase-show]');
    for (var i = 0; i < blocks.length; i++) {
      var phases = blocks[i].getAttribute('data-phase-show').split(' ');
      blocks[i].hidden = phases.indexOf(phase) < 0;
    }
  }

  function follow(vote) {
    var api = vote.getAttribute('data-api');
    var id = vote.getAttribute('data-campaign');
    getJson(api + '/campaigns/' + encodeURIComponent(id)).then(function (answer) {
      if (answer.status !== 200 || !answer.body.phase) {
        return;
      }
      showPhase(vote, answer.body.phase);
      var skew = Date.parse(answer.body.serverTime) - Date.now();
      var now = Date.now() + skew;
      var opens = Date.parse(answer.body.opens);
      var closes = Date.parse(answer.body.closes);
      var next = now < opens ? opens : now < closes ? closes : NaN;
      if (!isNaN(next)) {
        window.setTimeout(function () { follow(vote); }, Math.min(next - now + 250, MAX_TIMER));
      }
    }).catch(function () {
      // The counter cannot be reached: the phase written at build time stays.
    });
  }

  // A solved challenge is sent within this time; the counter accepts it for ten minutes.
  var FRESH_MS = 5 * 60 * 1000;
  // Digests asked of WebCrypto at once: each answers asynchronously, and a batch keeps it busy.
  var BATCH = 32;

  function hexToBytes(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) {
      bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return bytes;
  }

  function sameBytes(buffer, expected) {
    var bytes = new Uint8Array(buffer);
    for (var i = 0; i < expected.length; i++) {
      if (bytes[i] !== expected[i]) {
        return false;
      }
    }
    return true;
  }

  /*
   * ALTCHA's proof of work: the number n (0 to maxnumber) whose SHA-256 of salt + n is the challenge.
   * Resolves with the vote's altcha field: base64 of the challenge's JSON with the number found.
   */
  function solve(challenge) {
    var encoder = new TextEncoder();
    var target = hexToBytes(challenge.challenge);
    var max = challenge.maxnumber;
    var started = Date.now();
    function batch(start) {
      var digests = [];
      for (var n = start; n < start + BATCH && n <= max; n++) {
        digests.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n)));
      }
      return Promise.all(digests).then(function (hashes) {
        for (var i = 0; i < hashes.length; i++) {
          if (sameBytes(hashes[i], target)) {
            return start + i;
          }
        }
        if (start + BATCH > max) {
          throw new Error('no number solves the challenge');
        }
        return batch(start + BATCH);
      });
    }
    return batch(0).then(function (number) {
      return btoa(JSON.stringify({
        algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
        salt: challenge.salt, signature: challenge.signature, took: Date.now() - started
      }));
    });
  }

  function canSolve() {
    return !!(window.crypto && window.crypto.subtle && window.TextEncoder && window.Promise && window.btoa);
  }

  /* The form's proof of work: started on the first touch of the form, so it is often done by the time of the click. */
  function challengeFor(form) {
    var answer = null;
    var madeAt = 0;
    return {
      get: function () {
        if (!answer || Date.now() - madeAt > FRESH_MS) {
          madeAt = Date.now();
          answer = getJson(form.getAttribute('data-challenge')).then(function (reply) {
            if (reply.status !== 200) {
              throw new Error(reply.body.error || 'no challenge');
            }
            return solve(reply.body);
          });
          var mine = answer;
          mine.catch(function () {
            if (answer === mine) {
              answer = null;
            }
          });
        }
        return answer;
      },
      used: function () {
        answer = null;
      }
    };
  }

  /* Shows the form's message for an answer: data-msg-<key>, one for every refused challenge, or the general one. */
  function say(form, key, ok) {
    var feedback = form.querySelector('.vote-feedback');
    feedback.textContent = form.getAttribute('data-msg-' + key)
      || (/challenge/.test(key) && form.getAttribute('data-msg-challenge')) || form.getAttribute('data-msg-error');
    feedback.className = 'vote-feedback' + (ok === undefined ? '' : ok ? ' vote-feedback--ok' : ' vote-feedback--error');
  }

  function post(form, body) {
    return fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (answer) {
        return { ok: response.ok, body: answer };
      });
    });
  }

  function submitVote(form, challenge, event) {
    event.preventDefault();
    var button = form.querySelector('button[type=submit]');
    var data = new FormData(form);
    var body = {};
    data.forEach(function (value, key) { body[key] = value; });
    button.disabled = true;
    form.querySelector('.vote-feedback').textContent = '';

    function send(retries) {
      if (!challenge) {
        return post(form, body);
      }
      say(form, 'working');
      return challenge.get().then(function (altcha) {
        challenge.used();
        body.altcha = altcha;
        return post(form, body).then(function (reply) {
          // Too old or used already (a second tab): once more with a new one.
          var stale = !reply.ok && (reply.body.error === 'challenge_expired' || reply.body.error === 'challenge_used');
          return stale && retries > 0 ? send(retries - 1) : reply;
        });
      }, function () {
        // No challenge, or none this browser could solve; a vote that cannot be sent is the general error below.
        return { ok: false, body: { error: 'challenge_failed' } };
      });
    }

    send(1).then(function (reply) {
      // With e-mail verification every valid vote is 'pending', also for an address that has voted (its
      // mailbox is told, not the page); 'already_voted' only comes for a browser that voted (verification none).
      var key = reply.ok ? (reply.body.status === 'counted' ? 'counted' : 'pending') : reply.body.error;
      say(form, key, reply.ok);
      if (reply.ok) {
        form.reset();
      }
    }).catch(function () {
      say(form, 'error', false);
    }).then(function () {
      button.disabled = false;
    });
  }

  var SVG = 'http://www.w3.org/2000/svg';

  function svg(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function drawResults(section, tallies, total) {
    var number = new Intl.NumberFormat(document.documentElement.lang);
    var rows = section.querySelectorAll('tbody tr[data-nominee]');
    var entries = [];
    for (var i = 0; i < rows.length; i++) {
      var slug = rows[i].getAttribute('data-nominee');
      var count = tallies[slug] || 0;
      rows[i].querySelector('td').textContent = number.format(count);
      entries.push({ name: rows[i].querySelector('th').textContent, count: count });
    }
    entries.sort(function (a, b) { return b.count - a.count; });
    var max = Math.max.apply(null, entries.map(function (e) { return e.count; }).concat([1]));
    // Each name on its own line above its bar, so a long name never runs into the bar.
    var barHeight = 22;
    var labelHeight = 22;
    var gap = 14;
    var width = 640;
    var row = labelHeight + barHeight + gap;
    var height = entries.length * row;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'results-chart-title', class: 'results__svg' });
    chart.appendChild(svg('title', { id: 'results-chart-title' }, section.getAttribute('data-label-chart')));
    entries.forEach(function (entry, index) {
      var y = index * row;
      var barWidth = Math.max(2, (width - 80) * entry.count / max);
      chart.appendChild(svg('text', { x: 0, y: y + 16, class: 'results__label' }, entry.name));
      chart.appendChild(svg('rect', { x: 0, y: y + labelHeight, width: barWidth, height: barHeight, rx: 3, class: 'results__bar' }));
      chart.appendChild(svg('text', { x: barWidth + 8, y: y + labelHeight + 16, class: 'results__value' }, number.format(entry.count)));
    });
    section.querySelector('.results__chart').appendChild(chart);
    section.querySelector('table').hidden = false;
    section.querySelector('.results__status').textContent =
      section.getAttribute('data-label-total').replace('{0}', number.format(total));
  }

  function loadResults(section) {
    var api = section.getAttribute('data-api');
    var id = section.getAttribute('data-campaign');
    getJson(api + '/campaigns/' + encodeURIComponent(id) + '/results').then(function (answer) {
      if (answer.status === 200 && answer.body.tallies) {
        drawResults(section, answer.body.tallies, answer.body.total || 0);
      }
    }).catch(function () {
      // No counter: the page keeps saying when the results will appear.
    });
  }

  var votes = document.querySelectorAll('[data-vote]');
  for (var i = 0; i < votes.length; i++) {
    follow(votes[i]);
  }
  var forms = document.querySelectorAll('form[data-vote-form]');
  for (var j = 0; j < forms.length; j++) {
    var form = forms[j];
    var challenge = null;
    if (form.hasAttribute('data-challenge')) {
      if (!canSolve()) {
        say(form, 'challenge_failed', false);
        continue;
      }
      challenge = challengeFor(form);
      form.addEventListener('change', challenge.get, { once: true });
      // The button stays disabled in the page: without this script the vote cannot be solved.
      form.querySelector('button[type=submit]').disabled = false;
    }
    form.addEventListener('submit', submitVote.bind(null, form, challenge));
  }
  var results = document.querySelectorAll('[data-results]');
  for (var k = 0; k < results.length; k++) {
    loadResults(results[k]);
  }
})();

/*
 * The main menu is a <details> disclosure, so it opens and closes without this script. On wide screens
 * the stylesheet shows its list and hides its button; here it is also marked open there, for browsers
 * that cannot show a closed disclosure's content. On phones, Escape or a tap outside closes it, Escape
 * putting the focus back on its button.
 */
(function () {
  'use strict';

  var menu = document.querySelector('details[data-menu]');
  if (!menu || !window.matchMedia) {
    return;
  }
  var button = menu.querySelector('summary');
  var wide = window.matchMedia('(min-width: 56em)');

  function followWidth() {
    menu.open = wide.matches;
  }
  followWidth();
  if (wide.addEventListener) {
    wide.addEventListener('change', followWidth);
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && menu.open && !wide.matches) {
      menu.open = false;
      button.focus();
    }
  });
  document.addEventListener('click', function (event) {
    if (menu.open && !wide.matches && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
})();

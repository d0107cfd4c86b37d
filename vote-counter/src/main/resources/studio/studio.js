// The studio view: asks for the admin token once, keeps it in this tab (sessionStorage), and fetches the count
// every few seconds with the token in a header. Everything is written with textContent: no markup from data.
'use strict';
(function () {
  var root = document.getElementById('studio');
  if (!root) {
    return;
  }
  var REFRESH_MS = 5000;
  var MINUTES_SHOWN = 15;
  var KEY = 'studio-token:' + root.dataset.campaign;
  var lang = root.dataset.lang;
  var numbers = new Intl.NumberFormat(lang);
  var time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  var minuteTime = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
  var moment = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
  var form = document.getElementById('token-form');
  var input = document.getElementById('token');
  var board = document.getElementById('board');
  var status = document.getElementById('status');
  var memory = null; // when the browser keeps no sessionStorage
  var timer = null;

  function text(name, values) {
    var value = root.dataset['text' + name.charAt(0).toUpperCase() + name.slice(1)] || '';
    Object.keys(values || {}).forEach(function (key) {
      value = value.split('{' + key + '}').join(values[key]);
    });
    return value;
  }

  function storedToken() {
    try {
      return sessionStorage.getItem(KEY) || memory;
    } catch (e) {
      return memory;
    }
  }

  function keep(token) {
    memory = token;
    try {
      sessionStorage.setItem(KEY, token);
    } catch (e) {
      // memory only
    }
  }

  function forget() {
    memory = null;
    try {
      sessionStorage.removeItem(KEY);
    } catch (e) {
      // nothing kept
    }
  }

  function stop() {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  }

  function askForToken(message) {
    stop();
    board.hidden = true;
    form.hidden = false;
    status.textContent = message || '';
    input.focus();
  }

  function cell(tag, content, scope) {
    var element = document.createElement(tag);
    element.textContent = content;
    if (scope) {
      element.scope = scope;
    }
    return element;
  }

  function render(data) {
    form.hidden = true;
    board.hidden = false;
    status.textContent = '';
    var closes = moment.format(new Date(data.closes));
    var embargo = document.getElementById('embargo');
    var open = data.phase !== 'results';
    embargo.textContent = open ? text('embargo', { closes: closes }) : text('public', { closes: closes });
    embargo.className = open ? 'embargo' : 'public';
    document.getElementById('updated').textContent = text('updated', { time: time.format(new Date(data.serverTime)) });

    var ranked = data.nominees.slice().sort(function (a, b) { return b.votes - a.votes; });
    var rows = ranked.map(function (nominee, index) {
      var row = document.createElement('tr');
      row.appendChild(cell('td', numbers.format(index + 1)));
      row.appendChild(cell('th', nominee.name[lang] || nominee.id, 'row'));
      row.appendChild(cell('td', numbers.format(nominee.votes)));
      row.appendChild(cell('td', numbers.format(nominee.thisMinute)));
      row.appendChild(cell('td', numbers.format(nominee.last10Minutes)));
      return row;
    });
    document.querySelector('#nominees tbody').replaceChildren.apply(document.querySelector('#nominees tbody'), rows);
    var sum = function (field) {
      return data.nominees.reduce(function (total, nominee) { return total + nominee[field]; }, 0);
    };
    document.getElementById('total').textContent = numbers.format(data.total);
    document.getElementById('total-this-minute').textContent = numbers.format(sum('thisMinute'));
    document.getElementById('total-last10').textContent = numbers.format(sum('last10Minutes'));

    var recent = data.minutes.slice(-MINUTES_SHOWN).reverse();
    var most = recent.reduce(function (max, minute) { return Math.max(max, minute.total); }, 0);
    var minuteRows = recent.map(function (minute) {
      var row = document.createElement('tr');
      row.appendChild(cell('th', minuteTime.format(new Date(minute.minute)), 'row'));
      var votes = cell('td', numbers.format(minute.total));
      var bar = document.createElement('span');
      bar.className = 'bar';
      bar.setAttribute('aria-hidden', 'true');
      bar.style.width = most > 0 ? (100 * minute.total / most) + '%' : '0';
      votes.appendChild(bar);
      row.appendChild(votes);
      return row;
    });
    document.querySelector('#minutes tbody').replaceChildren.apply(document.querySelector('#minutes tbody'), minuteRows);
    if (data.total === 0) {
      status.textContent = text('noVotes');
    }
  }

  function load() {
    var token = storedToken();
    if (!token) {
      askForToken('');
      return;
    }
    fetch('/api/admin/campaigns/' + encodeURIComponent(root.dataset.campaign) + '/studio.json', {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer'
    }).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        forget();
        askForToken(text('wrongToken'));
        return null;
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (data) {
      if (data) {
        render(data);
        timer = setTimeout(load, REFRESH_MS);
      }
    }).catch(function () {
      status.textContent = text('offline');
      stop();
      timer = setTimeout(load, REFRESH_MS);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = input.value.trim();
    input.value = '';
    if (!token) {
      return;
    }
    keep(token);
    status.textContent = text('loading');
    load();
  });
  document.getElementById('forget').addEventListener('click', function () {
    forget();
    askForToken('');
  });
  if (storedToken()) {
    form.hidden = true;
    load();
  }
}());

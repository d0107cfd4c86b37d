/*
 * The campaign site's additions to the CMS (Decap CMS, loaded just before this script):
 * - a preview pane that shows each language's translation status and links the real page of the preview
 *   (which reloads by itself after a save), instead of a look-alike that drifts from the templates;
 * - a panel that lists, after a refused save, the build's own messages (path:line: what; fix).
 */
(function () {
  'use strict';
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h) {
    return;
  }
  var base = new URL('.', document.baseURI);

  /*
   * A page chosen from a collection (nominees, winners, a news item's edition) is written as its folder
   * name, as the build reads it. The CMS names a page "<folder>/index" (its path without the language):
   * this widget is the CMS's relation widget with the value turned from one into the other each way.
   */
  var relation = CMS.getWidget('relation');
  function toFolder(value) {
    return typeof value === 'string' ? value.replace(/\/index$/, '') : value;
  }
  function toCms(value) {
    if (value === null || value === undefined || value === '') {
      return value;
    }
    var text = String(value);
    return /\/index$/.test(text) ? text : text + '/index';
  }
  function each(value, turn) {
    return value && typeof value !== 'string' && typeof value.map === 'function' ? value.map(turn) : turn(value);
  }

  var PageControl = window.createClass({
    render: function () {
      var props = this.props;
      return h(relation.control, Object.assign({}, props, {
        value: each(props.value, toCms),
        onChange: function (value, metadata) {
          // The widget also calls this once it has loaded its options, which shows the page as changed:
          // saving it then changes no byte.
          props.onChange(each(value, toFolder), metadata);
        }
      }));
    }
  });
  CMS.registerWidget('page-folder', PageControl, relation.preview, relation.schema);
  CMS.registerPreviewStyle(new URL('preview.css', base).href);

  var schema = null;
  var siteStatus = null;

  function load(url, init) {
    return fetch(url, init).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    });
  }

  function refreshStatus() {
    return load(new URL('api/v1', base).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ action: 'siteStatus', params: {} })
    }).then(function (status) {
      siteStatus = status;
    }, function () {
      siteStatus = null; // the published editor commits to a Git host: no status from a backend of ours
    });
  }

  function isEmpty(value) {
    if (value === null || value === undefined) {
      return true;
    }
    if (typeof value === 'string') {
      return value.trim() === '';
    }
    if (value.size !== undefined) {
      return value.size === 0;
    }
    return false;
  }

  /** The language whose data the preview shows: the CMS swaps a translation's data in for the original's. */
  function shownLanguage(entry) {
    var data = entry.get('data');
    var shown = schema.defaultLanguage;
    Object.keys(schema.languages).forEach(function (lang) {
      if (lang !== schema.defaultLanguage && entry.getIn(['i18n', lang, 'data']) === data) {
        shown = lang;
      }
    });
    return shown;
  }

  function languageStatus(entry, collection, lang, shown) {
    var info = schema.collections[collection];
    var name = schema.languages[lang] + ' (' + lang + ')';
    if (lang === schema.defaultLanguage) {
      if (shown !== lang) {
        return { lang: lang, state: 'original', text: name + ': the original' };
      }
      var missingOriginal = info.required.filter(function (key) { return isEmpty(entry.getIn(['data', key])); });
      return missingOriginal.length === 0
        ? { lang: lang, state: 'complete', text: name + ': the original, complete' }
        : { lang: lang, state: 'missing', text: name + ': the original; still to fill in: ' + missingOriginal.join(', ') };
    }
    var data = entry.getIn(['i18n', lang, 'data']);
    var missing = data ? info.ownRequired.filter(function (key) { return isEmpty(data.get(key)); }) : info.ownRequired.slice();
    if (!data || isEmpty(data.get('body'))) {
      missing.push('text');
    }
    // Values copied from the original (themes, photo) are no translation: nothing of its own means none yet.
    if (missing.length === info.ownRequired.length + 1) {
      return { lang: lang, state: 'absent', text: name + ': not translated yet (visitors see the ' + schema.languages[schema.defaultLanguage] + ' text)' };
    }
    return missing.length === 0
      ? { lang: lang, state: 'complete', text: name + ': translated' }
      : { lang: lang, state: 'missing', text: name + ': still to translate: ' + missing.join(', ') };
  }

  function sitePagesMissing() {
    if (!siteStatus) {
      return null;
    }
    return siteStatus.pages.filter(function (page) { return page.missing.length > 0; });
  }

  function editorLink(page) {
    var parts = page.page.split('/');
    // A section that is one page (its folder holds the language files) has the page "index".
    return '#/collections/' + parts[0] + '/entries/' + (parts.length > 1 ? parts[1] + '/' : '') + 'index';
  }

  function makePreview(collection) {
    return function Preview(props) {
      var entry = props.entry;
      var shown = shownLanguage(entry);
      var slug = (entry.get('slug') || '').replace(/\/?index$/, ''); // the CMS names a page "<folder>/index"
      var saved = !entry.get('newRecord');
      var address = schema.collections[collection].addresses[shown].replace('{slug}', slug);
      var rows = Object.keys(schema.languages).map(function (lang) {
        var status = languageStatus(entry, collection, lang, shown);
        return h('li', { key: lang, className: 'status-' + status.state }, status.text);
      });
      var missingPages = sitePagesMissing();
      var site = missingPages === null ? null : h('details', { className: 'site-status' },
        h('summary', null, missingPages.length === 0
          ? 'Every page of the site is translated.'
          : missingPages.length + ' page' + (missingPages.length === 1 ? '' : 's') + ' of the site lack a translation'),
        missingPages.length === 0 ? null : h('ul', null, missingPages.map(function (page) {
          return h('li', { key: page.page },
            h('a', { href: editorLink(page), target: '_top' }, page.page), ': no ' + page.missing.join(', '));
        })));
      return h('div', { className: 'campaign-preview' },
        h('section', { className: 'translation-status', 'aria-label': 'Translation status' },
          h('h2', null, 'Translations'),
          h('ul', null, rows),
          site),
        saved
          ? h('p', { className: 'real-page' }, 'The page in ', schema.languages[shown], ' as the preview shows it (it reloads by itself after each save): ',
            h('a', { href: address }, address))
          : h('p', { className: 'real-page' }, 'Save the page to see it as visitors will.'));
    };
  }

  /** After a save the build refused: its messages, one per line, until the next save goes through. */
  var panel = null;
  function showProblems(problems) {
    hideProblems();
    panel = document.createElement('section');
    panel.className = 'editor-problems';
    panel.setAttribute('role', 'alert');
    panel.setAttribute('aria-labelledby', 'editor-problems-title');
    var title = document.createElement('h2');
    title.id = 'editor-problems-title';
    title.textContent = 'Not saved: the site would not build. Nothing was written.';
    panel.appendChild(title);
    var list = document.createElement('ul');
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      item.textContent = problem;
      list.appendChild(item);
    });
    panel.appendChild(list);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', hideProblems);
    panel.appendChild(close);
    document.body.appendChild(panel);
  }
  function hideProblems() {
    if (panel) {
      panel.remove();
      panel = null;
    }
  }

  var CHANGES = /"action":"(persistEntry|persistMedia|deleteFile|deleteFiles)"/;
  var browserFetch = window.fetch;
  window.fetch = function (input, init) {
    var answer = browserFetch.apply(this, arguments);
    var url = typeof input === 'string' ? input : input && input.url;
    var body = init && typeof init.body === 'string' ? init.body.slice(0, 300) : '';
    if (url && url.indexOf('api/v1') >= 0 && CHANGES.test(body)) {
      answer.then(function (response) {
        if (response.ok) {
          hideProblems();
          refreshStatus();
          return;
        }
        response.clone().json().then(function (json) {
          showProblems(json.problems && json.problems.length ? json.problems : [json.error || ('The save failed (' + response.status + ').')]);
        }, function () {
          showProblems(['The save failed (' + response.status + ').']);
        });
      }, function () {
        showProblems(['The preview does not answer: is mvn site:run still running?']);
      });
    }
    return answer;
  };

  load(new URL('fields.json', base).href).then(function (fields) {
    schema = fields;
    Object.keys(schema.collections).forEach(function (collection) {
      CMS.registerPreviewTemplate(collection, makePreview(collection));
    });
    return refreshStatus();
  });
})();

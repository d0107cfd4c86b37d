<#ftl output_format="HTML" strip_whitespace=true>
<#--
  Shared layout and macros. The model is described in ../README.md.
  Inside this file the name `page` is the macro below, so the page model is read as `.globals.page`.
-->
<#-- Read once per page: every read of a data-model name goes through jbake-core's model, which is slow. -->
<#global t = t lang = lang site = site>

<#-- Digits only, whatever the locale (a year must not become "2.026"); strings pass unchanged. -->
<#function plain value>
  <#if value?is_number>
    <#return value?c>
  </#if>
  <#return value>
</#function>

<#-- Static keys (no "status." + x) so that every key can be found by reading the templates. -->
<#function statusText status>
  <#if status == "draft">
    <#return t["status.draft"]>
  <#elseif status == "scheduled">
    <#return t["status.scheduled"]>
  <#elseif status == "expired">
    <#return t["status.expired"]>
  </#if>
  <#return status>
</#function>

<#-- How an edition's vote works: with a confirmation mail, or (verification none) once per browser with a proof of work. -->
<#function howToVote edition>
  <#if edition.verification == "none">
    <#return t["vote.how.none"]>
  </#if>
  <#return t["vote.how"]>
</#function>

<#function phaseText phase>
  <#if phase == "upcoming">
    <#return t["phase.upcoming"]>
  <#elseif phase == "open">
    <#return t["phase.open"]>
  <#elseif phase == "closed">
    <#return t["phase.closed"]>
  </#if>
  <#return phase>
</#function>

<#--
  The whole document; the page's content is the nested content.
  autoselect: the root page, whose site.js sends the visitor to their language.
  chrome: false leaves out the main menu and the language switcher.
-->
<#macro page autoselect=false chrome=true>
<#local pg = .globals.page>
<#local siteName = t["site.name"]>
<#local status = pg.status!"published">
<#local fallback = pg.fallback!false>
<#local otherLanguages = []>
<#list pg.alternates![] as alt>
  <#if alt.lang != lang>
    <#local otherLanguages = otherLanguages + [alt]>
  </#if>
</#list>
<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#local counter = site.voteOrigin!"">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'<#if counter?has_content> ${counter}</#if>; form-action 'self'<#if counter?has_content> ${counter}</#if>; base-uri 'self'; object-src 'none'">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title><#if pg.title?has_content && pg.title != siteName>${pg.title} – ${siteName}<#else>${siteName}</#if></title>
<#if pg.description?has_content>
<meta name="description" content="${pg.description}">
<#elseif pg.type == "home" || pg.type == "language-select">
<meta name="description" content="${t["site.description"]}">
<#elseif pg.type == "vote">
<meta name="description" content="${howToVote(edition)}">
<#elseif pg.type == "results">
<meta name="description" content="${t["results.audience"]}">
</#if>
<#-- The vote status pages answer a form post: nothing to find there from a search engine. -->
<#if pg.type == "404" || pg.type == "vote-status" || pg.type == "posters" || status != "published">
<meta name="robots" content="noindex">
</#if>
<#-- A 404 page answers for any address: it has no canonical address and no translations. -->
<#if pg.type != "404">
  <#if pg.canonical?has_content>
<link rel="canonical" href="${pg.canonical}">
  </#if>
  <#list pg.alternates![] as alt>
<link rel="alternate" hreflang="${alt.lang}" href="${alt.url}">
  </#list>
  <#if pg.xDefault?has_content>
<link rel="alternate" hreflang="x-default" href="${pg.xDefault}">
  </#if>
</#if>
<#if feed??>
<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.path}">
</#if>
<@share pg=pg siteName=siteName/>
<#-- JSON-LD is data, not script: the build writes it with Jackson and escapes "</" (see StructuredData). -->
<#if pg.jsonLd?has_content>
<script type="application/ld+json">${pg.jsonLd?no_esc}</script>
</#if>
<link rel="icon" href="${site.assets}/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${site.assets}/site.css">
<script src="${site.assets}/site.js" defer></script>
</head>
<body class="type-${pg.type}"<#if autoselect> data-autoselect="${site.defaultLanguage}"</#if>>
<#if chrome>
<a class="skip-link" href="#main">${t["skip.main"]}</a>
</#if>
<#if chrome || status != "published">
<header class="site-header">
<#if status != "published">
<p class="status-banner status-banner--${status}">${statusText(status)}</p>
</#if>
<#if chrome>
<div class="wrap site-header__inner">
<a class="site-name" href="${site.basePath}/${lang}/">${siteName}</a>
<#--
  The main menu is a disclosure: on phones a "Menu" button (the summary) opens it, with or without
  JavaScript; on wide screens the stylesheet shows the list and hides the button. The languages stay
  outside it, always in view.
-->
<#if nav?? && nav?has_content>
<nav class="main-nav" aria-label="${t["nav.label"]}">
<details class="menu" data-menu>
<summary class="menu__button">${t["nav.menu"]}</summary>
<ul class="menu__list">
<#list nav as item>
<li><a href="${item.path}"<#if item.current!false> aria-current="<#if item.path == pg.path>page<#else>true</#if>"</#if>>${item.label}</a></li>
</#list>
</ul>
</details>
</nav>
</#if>
<#if otherLanguages?has_content>
<nav class="lang-switch" aria-label="${t["language.label"]}">
<ul>
<#list site.languages as language>
  <#if language.code == lang>
<li><span aria-current="true" lang="${language.code}">${language.name}</span></li>
  <#else>
    <#list otherLanguages as alt>
      <#if alt.lang == language.code>
<li><a href="${alt.path}" hreflang="${alt.lang}" lang="${alt.lang}">${alt.name}</a></li>
      </#if>
    </#list>
  </#if>
</#list>
</ul>
</nav>
</#if>
</div>
</#if>
</header>
</#if>
<main id="main" class="wrap">
<#if fallback>
<p class="notice">${t["fallback.notice"]}</p>
<div lang="${pg.contentLang}">
<#nested>
</div>
<#else>
<#nested>
</#if>
</main>
<footer class="site-footer">
<div class="wrap">
<p>${t["footer.campaignBy"]?replace("{0}", t["org.name"])}</p>
<#if privacyPath?? || accessibilityPath??>
<ul class="footer-links">
<#if privacyPath??>
<li><a href="${privacyPath}">${t["footer.privacy"]}</a></li>
</#if>
<#if accessibilityPath??>
<li><a href="${accessibilityPath}">${t["footer.accessibility"]}</a></li>
</#if>
</ul>
</#if>
</div>
</footer>
</body>
</html>
</#macro>

<#--
  Open Graph and Twitter card tags, for the preview a link gets when it is shared. The image is
  page.image when the page has its own (absolute), else the site's default card.
-->
<#macro share pg siteName>
<#local title = (pg.type == "home" || pg.type == "language-select" || !pg.title?has_content)?then(siteName, pg.title)>
<#local description = pg.description?has_content?then(pg.description, t["site.description"])>
<#local image = pg.image!site.shareImage.url>
<#local imageAlt = (pg.image??)?then(pg.imageAlt!"", t["share.imageAlt"])>
<meta property="og:type" content="<#if pg.type == "news-item">article<#else>website</#if>">
<meta property="og:site_name" content="${siteName}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<#if pg.type != "404" && pg.canonical?has_content>
<meta property="og:url" content="${pg.canonical}">
</#if>
<meta property="og:image" content="${image}">
<#-- The default image and every nominee's share card are 1200 x 630. -->
<meta property="og:image:width" content="${site.shareImage.width?c}">
<meta property="og:image:height" content="${site.shareImage.height?c}">
<#if imageAlt?has_content>
<meta property="og:image:alt" content="${imageAlt}">
</#if>
<meta property="og:locale" content="${pg.locale}">
<#if pg.type != "404">
  <#list pg.alternates![] as alt>
    <#if alt.lang != pg.contentLang>
<meta property="og:locale:alternate" content="${alt.locale}">
    </#if>
  </#list>
</#if>
<#if pg.type == "news-item" && newsItem??>
<meta property="article:published_time" content="${newsItem.published}">
</#if>
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${description}">
<meta name="twitter:image" content="${image}">
<#if imageAlt?has_content>
<meta name="twitter:image:alt" content="${imageAlt}">
</#if>
</#macro>

<#-- A list of news items, newest first; a date in the page's language even on an untranslated item. -->
<#macro newsList items level=2>
<ul class="news-list">
<#list items as item>
<li class="news-card"<#if item.lang != lang> lang="${item.lang}"</#if>>
<h${plain(level)} class="news-card__title"><a href="${item.path}">${item.title}</a></h${plain(level)}>
<p class="news-card__date"<#if item.lang != lang> lang="${lang}"</#if>><time datetime="${item.date}">${item.dateText}</time></p>
<#if item.description?has_content>
<p class="news-card__summary">${item.description}</p>
</#if>
<#if item.status != "published">
<p class="news-card__status"<#if item.lang != lang> lang="${lang}"</#if>>${statusText(item.status)}</p>
</#if>
</li>
</#list>
</ul>
</#macro>

<#-- On a page shown in the default language: puts the interface's language back on a UI label. -->
<#macro ui><#if .globals.page.fallback!false> lang="${lang}"</#if></#macro>

<#-- One innovator as a card; prize: a label above the name (a winner). -->
<#macro card person level=2 prize="">
<li class="card"<#if person.lang?? && person.lang != lang> lang="${person.lang}"</#if>>
<@photo image=person.photo class="card__photo" sizes="(min-width: 60rem) 14rem, (min-width: 40rem) 45vw, 100vw" lazy=true/>
<div class="card__text">
<#if prize?has_content>
<p class="card__prize" lang="${lang}">${prize}</p>
</#if>
<h${plain(level)} class="card__title"><a href="${person.path}">${person.name}</a></h${plain(level)}>
<p class="card__tagline">${person.tagline}</p>
</div>
</li>
</#macro>

<#macro cards people level=2>
<ul class="cards">
<#list people as person>
<@card person=person level=level/>
</#list>
</ul>
</#macro>

<#macro window edition>
<time datetime="${edition.opens}">${edition.opensText}</time> – <time datetime="${edition.closes}">${edition.closesText}</time>
</#macro>

<#macro phase edition>
<p class="phase phase--${edition.phase}">${phaseText(edition.phase)}</p>
</#macro>

<#-- The voting window and the jury of an edition. -->
<#macro facts edition>
<dl class="facts">
<div>
<dt>${t["edition.window"]}</dt>
<dd><@window edition/></dd>
</div>
<#if edition.jury?has_content>
<div>
<dt>${t["edition.jury"]}</dt>
<dd>${edition.jury}</dd>
</div>
</#if>
</dl>
</#macro>

<#--
  The vote of an edition, in the phase it is in: before opening, a date; while open, the form;
  after closing, a link to the results. The build writes the phase as of its moment; site.js asks
  the counter for the live phase and switches at the exact minute, without a rebuild.
  nominee: vote for this one innovator (a profile); absent: choose among the nominees.
-->
<#macro vote edition nominee={}>
<#local id = "vote-" + plain(edition.year) + (nominee.slug!"")>
<div class="vote" data-vote data-campaign="${plain(edition.year)}" data-api="${site.voteApi}">
<div class="vote__phase" data-phase-show="upcoming"<#if edition.phase != "upcoming"> hidden</#if>>
<p>${t["vote.upcoming"]?replace("{0}", edition.opensText)}</p>
</div>
<div class="vote__phase" data-phase-show="open"<#if edition.phase != "open"> hidden</#if>>
<p>${t["vote.open"]?replace("{0}", edition.closesText)}</p>
<#local mailed = edition.verification != "none">
<#-- Without e-mail the browser must solve the counter's proof of work first (site.js): without JavaScript the button stays disabled. -->
<form class="vote-form" method="post" action="${edition.voteAction}" data-vote-form
      <#if !mailed>data-challenge="${site.voteApi}/campaigns/${plain(edition.year)}/challenge" data-msg-working="${t["vote.none.working"]}"
      data-msg-challenge="${t["vote.error.challenge"]}"</#if>
      data-msg-pending="${t["vote.checkMail.text"]}" data-msg-counted="${mailed?then(t["vote.thanks.text"], t["vote.thanks.textNone"])}"
      data-msg-already_voted="${mailed?then(t["vote.alreadyVoted.text"], t["vote.alreadyVoted.textNone"])}" data-msg-voting_closed="${t["vote.closed.text"]}"
      data-msg-rate_limited="${t["vote.error.rateLimited"]}" data-msg-bad_request="${mailed?then(t["vote.error.email"], t["vote.problem.textNone"])}"
      data-msg-voting_not_open="${t["vote.upcoming"]?replace("{0}", edition.opensText)}" data-msg-mail_unavailable="${t["vote.error.mail"]}"
      data-msg-error="${mailed?then(t["vote.problem.text"], t["vote.problem.textNone"])}">
<input type="hidden" name="lang" value="${lang}">
<#if !mailed>
<noscript><p class="notice">${t["vote.none.noscript"]}</p></noscript>
</#if>
<#if nominee.slug??>
<input type="hidden" name="nominee" value="${nominee.slug}">
<#else>
<fieldset class="vote-form__nominees">
<legend>${t["vote.form.nominee"]}</legend>
<#list edition.nominees as person>
<div class="choice"<#if person.lang != lang> lang="${person.lang}"</#if>>
<input type="radio" name="nominee" id="${id}-${person.slug}" value="${person.slug}" required>
<label for="${id}-${person.slug}">${person.name}</label>
</div>
</#list>
</fieldset>
</#if>
<#if mailed>
<div class="field">
<label for="${id}-email">${t["vote.form.email"]}</label>
<input type="email" id="${id}-email" name="email" required autocomplete="email" inputmode="email" maxlength="254" aria-describedby="${id}-email-hint">
<p class="hint" id="${id}-email-hint">${t["vote.form.emailHint"]}</p>
</div>
</#if>
<button type="submit" class="button"<#if !mailed> disabled</#if>><#if nominee.name??>${t["vote.form.submitFor"]?replace("{0}", nominee.name)}<#else>${t["vote.form.submit"]}</#if></button>
<p class="vote-feedback" role="status" aria-live="polite"></p>
</form>
</div>
<div class="vote__phase" data-phase-show="closed results"<#if edition.phase != "closed"> hidden</#if>>
<p>${t["vote.closed"]?replace("{0}", edition.closesText)} <a href="${edition.resultsPath}">${t["results.link"]}</a></p>
</div>
</div>
</#macro>

<#-- A photo in the widths the build made (WebP first where the browser takes it), never larger than needed. -->
<#macro photo image class sizes lazy=false>
<picture>
<#if image.webpSrcset?has_content>
<source type="image/webp" srcset="${image.webpSrcset}" sizes="${sizes}">
</#if>
<img class="${class}" src="${image.path}" srcset="${image.srcset}" sizes="${sizes}" alt="${image.alt}" width="${plain(image.width)}" height="${plain(image.height)}"<#if lazy> loading="lazy"</#if> decoding="async">
</picture>
</#macro>

<#-- An edition's jury and audience winners as cards, when it has any. -->
<#macro winners edition>
<#local won = edition.winners!{}>
<#if won.jury?? || won.audience??>
<section class="winners">
<h2>${t["edition.winners"]}</h2>
<ul class="cards">
<#if won.jury??>
<@card person=won.jury level=3 prize=t["edition.prize.jury"]/>
</#if>
<#if won.audience??>
<@card person=won.audience level=3 prize=t["edition.prize.audience"]/>
</#if>
</ul>
</section>
</#if>
</#macro>

<#-- Every language's home page, each link in its own language (absolute: served for any address). -->
<#macro languageList>
<ul class="language-list">
<#list site.languages as language>
<li><a href="${site.basePath}/${language.code}/" hreflang="${language.code}" lang="${language.code}">${language.name}</a></li>
</#list>
</ul>
</#macro>

<#ftl output_format="HTML" strip_whitespace=true>
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
      <#if !mailed>data-challenge="${edition.voteChallenge}" data-msg-working="${t["vote.none.working"]}"
      data-msg-challenge="${t["vote.error.challenge"]}"</#if>
      data-msg-pending="${t["vote.checkMail.text"]}" data-msg-counted="${mailed?then(t["vote.thanks.text"], t["vote.thanks.textNone"])}"
      data-msg-already_voted="${mailed?then(t["vote.alreadyVoted.text"], t["vote.alreadyVoted.textNone"])}" data-msg-voting_closed="${t["vote.closed.text"]}"
      data-msg-rate_limited="${t["vote.error.rateLimited"]}" data-msg-bad_request="${mailed?then(t["vote.error.email"], t["vote.problem.textNone"])}"
      data-msg-voting_not_open="${t["vote.upcoming"]?replace("{0}", edition.opensText)}"
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


<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- The pages the counter sends a voter to after a form post: check your mail, thank you, already voted, closed, problem. -->
<#assign mailed = edition.verification != "none">
<@layout.page>
<div class="page-head">
<#if voteStatus == "checkMail">
<h1>${t["vote.checkMail.title"]}</h1>
<p class="lead">${t["vote.checkMail.text"]}</p>
<#elseif voteStatus == "thanks">
<h1>${t["vote.thanks.title"]}</h1>
<p class="lead">${mailed?then(t["vote.thanks.text"], t["vote.thanks.textNone"])}</p>
<#elseif voteStatus == "alreadyVoted">
<h1>${t["vote.alreadyVoted.title"]}</h1>
<p class="lead">${mailed?then(t["vote.alreadyVoted.text"], t["vote.alreadyVoted.textNone"])}</p>
<#elseif voteStatus == "closed">
<h1>${t["vote.closed.title"]}</h1>
<p class="lead">${t["vote.closed.text"]}</p>
<#else>
<h1>${t["vote.problem.title"]}</h1>
<p class="lead">${mailed?then(t["vote.problem.text"], t["vote.problem.textNone"])}</p>
</#if>
</div>
<ul class="link-list">
<li><a href="${edition.path}">${edition.title}</a></li>
<#if voteStatus == "problem" || voteStatus == "checkMail">
<li><a href="${edition.votePath}">${t["vote.page.title"]}</a></li>
</#if>
<li><a href="${edition.resultsPath}">${t["results.link"]}</a></li>
</ul>
</@layout.page>

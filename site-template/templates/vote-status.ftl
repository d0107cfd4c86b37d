<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- The pages the counter sends a voter to after a form post: check your mail, thank you, already voted, closed, problem. -->
<@layout.page>
<div class="page-head">
<#if voteStatus == "checkMail">
<h1>${t["vote.checkMail.title"]}</h1>
<p class="lead">${t["vote.checkMail.text"]}</p>
<#elseif voteStatus == "thanks">
<h1>${t["vote.thanks.title"]}</h1>
<p class="lead">${t["vote.thanks.text"]}</p>
<#elseif voteStatus == "alreadyVoted">
<h1>${t["vote.alreadyVoted.title"]}</h1>
<p class="lead">${t["vote.alreadyVoted.text"]}</p>
<#elseif voteStatus == "closed">
<h1>${t["vote.closed.title"]}</h1>
<p class="lead">${t["vote.closed.text"]}</p>
<#else>
<h1>${t["vote.problem.title"]}</h1>
<p class="lead">${t["vote.problem.text"]}</p>
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

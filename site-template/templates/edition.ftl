<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/campaigns/<year>/: one edition, its nominees, its winners and the place of the vote. -->
<@layout.page>
<#assign campaign = edition>
<div class="page-head">
<h1>${campaign.title}</h1>
<#if campaign.summary?has_content>
<p class="lead">${campaign.summary}</p>
</#if>
<@layout.phase campaign/>
<@layout.facts campaign/>
</div>
<@layout.prose campaign.bodyHtml/>
<@layout.winners campaign/>
<section class="nominees">
<h2>${t["edition.nominees"]}</h2>
<@layout.cards people=(campaign.nominees![]) level=3/>
</section>
<section id="vote" class="vote-slot">
<h2>${t["vote.title"]}</h2>
<p>${layout.howToVote(campaign)}</p>
<#if campaign.verification == "none">
<p class="notice">${t["vote.none.guarantee"]}</p>
</#if>
<p><a class="button" href="${campaign.votePath}">${t["vote.page.title"]}</a> <a href="${campaign.resultsPath}">${t["results.link"]}</a></p>
<#if campaign.phase != "closed">
<p><a href="${campaign.postersPath}">${t["posters.title"]}</a></p>
</#if>
</section>
</@layout.page>

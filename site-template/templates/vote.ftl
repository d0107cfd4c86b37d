<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/campaigns/<year>/vote/: the vote for the audience award; works without JavaScript. -->
<@layout.page>
<div class="page-head">
<h1>${t["vote.page.title"]}</h1>
<@layout.editionLead edition/>
<@layout.phase edition/>
<@layout.facts edition/>
</div>
<div class="prose">
<p>${layout.howToVote(edition)}</p>
<#if edition.verification == "none">
<p class="notice">${t["vote.none.guarantee"]}</p>
</#if>
<#if privacyPath??>
<p><#if edition.verification == "none">${t["vote.privacy.none"]}<#else>${t["vote.privacy"]}</#if> <a href="${privacyPath}">${t["footer.privacy"]}</a></p>
</#if>
</div>
<@layout.vote edition=edition/>
</@layout.page>

<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#--
  /<lang>/campaigns/<year>/results/: the audience vote's tallies, loaded from the counter once the
  ballot allows it, drawn as an SVG bar chart with the same figures in a table.
-->
<@layout.page>
<div class="page-head">
<h1>${t["results.title"]}</h1>
<@layout.editionLead edition/>
</div>
<@layout.winners edition/>
<section class="results" data-results data-campaign="${layout.plain(edition.year)}" data-api="${site.voteApi}"
         data-label-chart="${t["results.chart"]}" data-label-total="${t["results.total"]}">
<h2>${t["results.audience"]}</h2>
<p class="results__status" role="status">${t["results.hidden"]?replace("{0}", edition.closesText)}</p>
<div class="results__chart"></div>
<table class="results__table" hidden>
<caption>${t["results.audience"]}</caption>
<thead><tr><th scope="col">${t["results.nominee"]}</th><th scope="col">${t["results.votes"]}</th></tr></thead>
<tbody>
<#list edition.nominees as person>
<tr data-nominee="${person.slug}"><th scope="row"><a href="${person.path}">${person.name}</a></th><td>–</td></tr>
</#list>
</tbody>
</table>
</section>
</@layout.page>

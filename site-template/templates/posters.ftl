<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/campaigns/<year>/posters/: for staff, every nominee's printable poster and share card, in every language. -->
<@layout.page>
<div class="page-head">
<h1>${t["posters.title"]}</h1>
<@layout.editionLead edition/>
<p>${t["posters.intro"]}</p>
</div>
<table class="posters">
<caption>${t["posters.title"]} – ${edition.title}</caption>
<thead><tr><th scope="col">${t["results.nominee"]}</th><th scope="col">${t["posters.poster"]}</th><th scope="col">${t["posters.card"]}</th></tr></thead>
<tbody>
<#list posters as row>
<tr>
<th scope="row"><a href="${row.path}">${row.name}</a></th>
<td><ul class="inline-list"><#list row.files as file><li><a href="${file.poster}" type="application/pdf" hreflang="${file.lang}">${file.name}</a></li></#list></ul></td>
<td><ul class="inline-list"><#list row.files as file><li><a href="${file.card}" type="image/png" hreflang="${file.lang}">${file.name}</a></li></#list></ul></td>
</tr>
</#list>
</tbody>
</table>
</@layout.page>

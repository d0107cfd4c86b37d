<#ftl output_format="HTML" strip_whitespace=true>
<#-- An edition's voting window, phase, facts and a link to it. -->
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

<#-- The edition a page belongs to, as the lead under its title. -->
<#macro editionLead edition>
<p class="lead"><a href="${edition.path}">${edition.title}</a></p>
</#macro>

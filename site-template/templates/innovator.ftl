<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/innovators/<slug>/: one innovator's profile. -->
<@layout.page>
<#assign person = innovator>
<article class="profile">
<div class="profile__head">
<@layout.photo image=person.photo class="profile__photo" sizes="(min-width: 60rem) 28rem, 100vw"/>
<div class="profile__intro">
<h1>${person.name}</h1>
<p class="lead">${person.tagline}</p>
<dl class="facts">
<#if person.organisation?has_content>
<div>
<dt<@layout.ui/>>${t["innovator.organisation"]}</dt>
<dd>${person.organisation}</dd>
</div>
</#if>
<#if person.region?has_content>
<div>
<dt<@layout.ui/>>${t["innovator.region"]}</dt>
<dd>${person.region}</dd>
</div>
</#if>
<#if person.website?has_content>
<div>
<dt<@layout.ui/>>${t["innovator.website"]}</dt>
<dd><a href="${person.website}">${person.website?remove_beginning("https://")?remove_beginning("http://")?remove_ending("/")}</a></dd>
</div>
</#if>
<#if person.themes?has_content>
<div>
<dt<@layout.ui/>>${t["innovator.themes"]}</dt>
<dd<@layout.ui/>>
<@layout.tags person.themes/>
</dd>
</div>
</#if>
<#if person.editions?has_content>
<div>
<dt<@layout.ui/>>${t["innovator.editions"]}</dt>
<dd<@layout.ui/>>
<@layout.tags person.editions/>
</dd>
</div>
</#if>
</dl>
</div>
</div>
<@layout.prose person.bodyHtml/>
<#list person.votes![] as running>
<section class="vote-slot" id="${running.voteAnchor}"<@layout.ui/>>
<h2>${t["vote.for"]?replace("{0}", person.name)} – ${running.title}</h2>
<@layout.vote edition=running nominee=person/>
<#list person.posters![] as poster>
<#if poster.year == running.year>
<p><a href="${poster.path}" type="application/pdf">${t["posters.download"]}</a></p>
</#if>
</#list>
</section>
</#list>
</article>
</@layout.page>

<#ftl output_format="HTML" strip_whitespace=true>
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


// An unknown key ("nme:") in the front matter stops the build, and the previous site stays as it was.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /(?m)content\/pages\/about\/index\.nl\.md:3: .*unknown field 'nme'/ :
        "build.log does not name content/pages/about/index.nl.md:3 with \"unknown field 'nme'\""
assert !(log =~ /(?m)^\tat /) : 'build.log shows a stack trace; a content mistake must be reported as a plain message'

def site = new File(basedir, 'target/site')
assert new File(site, 'index.html').getText('UTF-8').contains('previous site') : 'target/site/index.html was replaced'
assert new File(site, 'nl/index.html').getText('UTF-8').contains('previous site, nl') : 'target/site/nl/index.html was replaced'
assert site.list().sort() == ['index.html', 'nl'] : "target/site holds more than the previous site: ${site.list()}"
assert !new File(basedir, 'target/.site.building').exists() : 'a half-built site was left in target/.site.building'

return true

// Stands in for the site of an earlier, successful build.
def site = new File(basedir, 'target/site')
site.mkdirs()
new File(site, 'index.html').setText('<!doctype html><title>previous site</title><p>previous site</p>\n', 'UTF-8')
new File(site, 'nl').mkdirs()
new File(site, 'nl/index.html').setText('<p>previous site, nl</p>\n', 'UTF-8')
return true

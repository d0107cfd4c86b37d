#!/bin/sh
# Refreshes the bundled list of disposable (throwaway) mail domains the counter refuses, from the npm
# package disposable-email-domains-js, which publishes the community list of
# https://github.com/disposable-email-domains/disposable-email-domains (CC0-1.0).
# Usage: vote-counter/scripts/update-disposable-domains.sh [version, default: latest]
# Needs npm and node. Writes src/main/resources/disposable/{domains.txt,LICENSE.txt,SOURCE.txt};
# review the diff (`git diff --stat`), run the counter's tests, and commit the three files together.
set -eu
package=disposable-email-domains-js
version=${1:-latest}
here=$(cd "$(dirname "$0")/.." && pwd)
target="$here/src/main/resources/disposable"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent --json "$package@$version" > pack.json
tar xzf "$(node -p 'require("./pack.json")[0].filename')"
node - "$target" <<'JS'
const fs = require('fs');
const target = process.argv[2];
const pack = require('./pack.json')[0];
const list = JSON.parse(fs.readFileSync('package/dist/dict/disposable_email_blocklist.json', 'utf8'));
const domain = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const domains = [...new Set(list.map(d => String(d).trim().toLowerCase()))].sort();
const wrong = domains.filter(d => !domain.test(d));
if (wrong.length > 0) {
  console.error(`${pack.name}@${pack.version}: ${wrong.length} entries are not domains (${wrong.slice(0, 5).join(', ')}); nothing written`);
  process.exit(1);
}
if (domains.length < 1000) {
  console.error(`${pack.name}@${pack.version}: only ${domains.length} domains; nothing written`);
  process.exit(1);
}
fs.writeFileSync(`${target}/domains.txt`, domains.join('\n') + '\n');
fs.copyFileSync('package/LICENSE', `${target}/LICENSE.txt`);
fs.writeFileSync(`${target}/SOURCE.txt`, [
  'Disposable mail domains refused by the vote counter (domains.txt, one a line).',
  '',
  'List:     https://github.com/disposable-email-domains/disposable-email-domains (disposable_email_blocklist.conf)',
  'Licence:  CC0-1.0 (LICENSE.txt)',
  `Package:  ${pack.name}@${pack.version} on the npm registry (dist/dict/disposable_email_blocklist.json)`,
  `Tarball:  ${pack.filename}, ${pack.integrity}`,
  `Domains:  ${domains.length}`,
  'Update:   vote-counter/scripts/update-disposable-domains.sh [version]',
  '',
].join('\n'));
console.log(`${pack.name}@${pack.version}: ${domains.length} domains written to ${target}`);
JS

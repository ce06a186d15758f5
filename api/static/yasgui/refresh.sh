#!/usr/bin/env bash
# Refresh the vendored YASGUI (served at /static/yasgui/ by the /sparql page) from the npm registry.
#
# Why vendored: the page must work without internet, and YASGUI is a browser bundle, not a Python
# package. Only the built bundle and its stylesheet are kept (no source maps); the package ships no
# licence file, so LICENSE.txt records its licence (MIT, from its package.json) and its version.
# Needs node/npm only when refreshing (apt-get install -y npm), never to run or test resgraph.
#
#   bash api/static/yasgui/refresh.sh            # the pinned version below
#   bash api/static/yasgui/refresh.sh 4.6.3      # another version
set -euo pipefail
VERSION="${1:-4.6.2}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "@zazuko/yasgui@$VERSION" >/dev/null && tar xzf zazuko-yasgui-*.tgz)
cp "$WORK/package/build/yasgui.min.js" "$WORK/package/build/yasgui.min.css" "$HERE/"
# Source-map comments would make the browser ask for files we do not ship.
sed -i 's|//# sourceMappingURL=.*$||' "$HERE/yasgui.min.js"
sed -i 's|/\*# sourceMappingURL=[^*]*\*/||' "$HERE/yasgui.min.css"
# One final newline, as the repository's end-of-file hook wants.
sed -i -e '$a\' "$HERE/yasgui.min.js" "$HERE/yasgui.min.css"
LICENCE="$(node -p "require('$WORK/package/package.json').license")"
AUTHOR="$(node -p "require('$WORK/package/package.json').author")"
cat > "$HERE/LICENSE.txt" <<TXT
@zazuko/yasgui $VERSION (npm), https://github.com/rdfjs/Yasgui
Vendored by api/static/yasgui/refresh.sh: build/yasgui.min.js and build/yasgui.min.css.
Licence: $LICENCE (package.json of the package; the package ships no licence file).
Authors: $AUTHOR, and Zazuko GmbH (contributors).

MIT License

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
TXT
echo "vendored @zazuko/yasgui $VERSION into $HERE"

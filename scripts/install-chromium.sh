#!/bin/sh
# Install Debian's Chromium for the offline HTML test (tests/test_html_browser.py) when it is
# missing and this machine allows it (root and apt-get). Never fails: without Chromium the
# browser test is skipped and says why.
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: Chromium is not installed and cannot be installed here (needs root and apt-get);" \
        "the headless browser test will be skipped" >&2
    exit 0
fi
echo "Installing Chromium for the offline HTML test (once)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1; then
    echo "note: installing Chromium failed; the headless browser test will be skipped" >&2
fi
exit 0

#!/usr/bin/env bash
# Generates the demo conversation clips played by the demo PBX: two distinct
# synthetic voices (agent: en-us male, lower pitch; customer: en-gb female
# variant, higher pitch), mono 16 kHz Ogg Vorbis (~25 kB each). The output is
# committed, so CI does not need espeak-ng. Needs: apt-get install espeak-ng sox
# Written where the renderer serves them from (app:// and the web host alike).
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/renderer/public/demo-audio"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

say() { # voice pitch speed text file
  espeak-ng -v "$1" -p "$2" -s "$3" -w "$tmp/raw.wav" "$4"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$tmp/$5.wav" norm -3
}

say en-us+m3 35 160 "Thank you for calling Northwind support, this is Sam. How can I help you today?" agent
say en-gb+f4 70 170 "Hi Sam. My order arrived damaged, and I would like a replacement please." customer

for name in agent customer; do
  sox "$tmp/$name.wav" -C 3 "$out/$name.ogg"
done
ls -l "$out"

#!/bin/sh
# Copy the pinned third-party browser files into src/sitrep/web/static/vendor/.
# Needs npm (only to refresh the vendored files; installs of sitrep never run this).
# Usage: sh web/vendor.sh   (from anywhere; versions come from web/package-lock.json)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/sitrep/web/static/vendor"
cd "$here"
npm ci --no-audit --no-fund --ignore-scripts
nm="$here/node_modules"
rm -rf "$out/leaflet" "$out/world-atlas" "$out/topojson-client" "$out/uplot"
mkdir -p "$out/leaflet/images" "$out/world-atlas" "$out/topojson-client" "$out/uplot"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.js.map" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" "$out/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$nm/world-atlas/countries-50m.json" "$nm/world-atlas/LICENSE" "$out/world-atlas/"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$nm/topojson-client/LICENSE" "$out/topojson-client/"
cp "$nm/uplot/dist/uPlot.iife.min.js" "$nm/uplot/dist/uPlot.min.css" "$nm/uplot/LICENSE" "$out/uplot/"
echo "vendored into $out"

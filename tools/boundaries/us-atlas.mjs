// Converts the US Census boundaries shipped by the npm package us-atlas (TopoJSON, WGS84, 1:10m) into three GeoJSON
// FeatureCollections for a bulk import: counties, states and the nation. Usage: node tools/boundaries/us-atlas.mjs OUTDIR
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const out = process.argv[2] ?? ".";
mkdirSync(out, { recursive: true });
const topology = JSON.parse(readFileSync(require.resolve("us-atlas/counties-10m.json"), "utf8"));
for (const name of ["counties", "states", "nation"]) {
  const collection = feature(topology, topology.objects[name]);
  if (name === "nation") collection.features.forEach(f => { f.id = "us"; f.properties = { name: "United States" }; });
  writeFileSync(join(out, `${name}.geojson`), JSON.stringify(collection));
  console.log(`${name}: ${collection.features.length} features`);
}

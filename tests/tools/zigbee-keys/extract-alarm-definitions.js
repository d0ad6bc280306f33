#!/usr/bin/env node
// Writes, as JSON on stdout, every definition of the pinned zigbee-herdsman-converters whose exposes can
// report smoke (or gas / carbon monoxide), an emergency (an action value or a boolean key) or a fall,
// with its exposes as Zigbee2MQTT publishes them in bridge/devices (definition.exposes).
// Committed as devices/zigbee2mqtt/alarm-definitions.json
// (`npm ci && npm run extract-alarms`); the decoder tests run over every entry.
"use strict";

const zhc = require("zigbee-herdsman-converters");
const definitions = require("zigbee-herdsman-converters/devices/index").default;
const zhcVersion = require("zigbee-herdsman-converters/package.json").version;
zhc.setLogger({ debug: () => {}, info: () => {}, warning: () => {}, error: () => {} });

const emergencyWords = ["sos", "sos_alarm", "emergency", "panic", "emergency_panic", "fire_panic", "police_panic"];
const fireKeys = ["smoke", "gas", "carbon_monoxide"];
const STATE = 1;

function plain(expose) {
  const out = { type: expose.type, property: expose.property, access: expose.access };
  if (expose.values) out.values = expose.values;
  if (expose.value_on !== undefined) out.value_on = expose.value_on;
  if (expose.value_off !== undefined) out.value_off = expose.value_off;
  if (expose.features) out.features = expose.features.map(plain);
  return out;
}

function flatten(exposes) {
  return exposes.flatMap((e) => (e.features ? [e, ...flatten(e.features)] : [e]));
}

function classes(exposes) {
  const found = new Set();
  for (const e of flatten(exposes)) {
    if (!e.property || ((e.access ?? STATE) & STATE) === 0) continue;
    if (e.type === "binary" && fireKeys.includes(e.property)) found.add("fire");
    if (e.type === "binary" && emergencyWords.includes(e.property)) found.add("emergencyKey");
    if (e.type === "enum" && e.property === "action" && (e.values ?? []).some((v) => emergencyWords.includes(v))) found.add("emergencyAction");
    // A person's fall: a status or fall key (not a cube dropped, not falling air pressure).
    if (e.type === "enum" && (e.property === "status" || e.property.includes("fall")) && (e.values ?? []).some((v) => v === "fall" || v === "falling")) found.add("fall");
  }
  return [...found];
}

const out = [];
for (const d of definitions) {
  let exposes;
  try {
    exposes = typeof d.exposes === "function" ? d.exposes({ isDummyDevice: true }, {}) : d.exposes;
  } catch {
    continue;
  }
  if (!Array.isArray(exposes)) continue;
  const found = classes(exposes);
  if (found.length === 0) continue;
  out.push({ model: d.model, vendor: d.vendor, classes: found, exposes: exposes.map(plain) });
}
out.sort((a, b) => (a.vendor + a.model).localeCompare(b.vendor + b.model));
process.stdout.write(JSON.stringify({ package: `zigbee-herdsman-converters@${zhcVersion}`, definitions: out }, null, 1) + "\n");

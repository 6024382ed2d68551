// Runs theme/assets/js/live-reload.js in a sandbox, as loaded by a page at <pathname> under the prefix /pr-42/, with a
// fake EventSource; sends it the server events given as JSON ([[name, data], ...]) one by one and prints, as JSON, how
// many times each event reloaded the page.
// usage: node live-reload-events.js <live-reload.js> <pathname> <events.json>
'use strict';
const fs = require('fs');
const vm = require('vm');

const [script, pathname, eventsFile] = process.argv.slice(2);
let reloads = 0;
let stream = null;

class FakeEventSource {
  constructor(url) {
    this.url = String(url);
    this.listeners = {};
    stream = this;
  }

  addEventListener(name, listener) {
    (this.listeners[name] = this.listeners[name] || []).push(listener);
  }
}

const element = () => ({ style: {}, setAttribute() {}, addEventListener() {}, append() {}, remove() {} });
const sandbox = {
  URL,
  EventSource: FakeEventSource,
  document: { currentScript: { src: 'http://127.0.0.1:5080/pr-42/__roadmap-docs/live-reload.js' }, createElement: element, body: { appendChild() {} } },
  location: { pathname, reload() { reloads++; } },
  fetch: () => Promise.reject(new Error('no server in this sandbox')),
};
sandbox.window = sandbox;
vm.runInNewContext(fs.readFileSync(script, 'utf8'), sandbox);

const counts = JSON.parse(fs.readFileSync(eventsFile, 'utf8')).map(([name, data]) => {
  const before = reloads;
  for (const listener of stream.listeners[name] || []) {
    listener({ data: JSON.stringify(data) });
  }
  return reloads - before;
});
console.log(JSON.stringify(counts));

/*
 * The search engine in a Web Worker (search.js starts it when the page is served over http/https): lunr, the shard
 * merger and the engine are imported once, the manifest, index shards and store chunks on demand, all relative to
 * this file, so the site works under any path prefix.
 *
 * Messages in:  { id, type: "warm" } | { id, type: "search", text, kinds, limit }
 * Messages out: { id, result } | { id, error: { name, message } }
 */
/* global importScripts, lunr, lunrShards, roadmapDocsSearchEngine */
'use strict'

importScripts('../lunr.min.js', 'lunr-shards.js', 'search-engine.js')

var searchFolder = new URL('../../../search/', self.location.href).href

var engine = roadmapDocsSearchEngine.create({
  lunr: lunr,
  lunrShards: lunrShards,
  global: self,
  load: function (file) {
    return new Promise(function (resolve) {
      importScripts(searchFolder + file)
      resolve()
    })
  }
})

self.onmessage = function (event) {
  var message = event.data
  var work = message.type === 'warm'
    ? engine.warm()
    : engine.search(message.text, { kinds: message.kinds, limit: message.limit })
  work.then(function (result) {
    self.postMessage({ id: message.id, result: result })
  }, function (error) {
    self.postMessage({ id: message.id, error: { name: error && error.name || 'Error', message: String(error && error.message || error) } })
  })
}

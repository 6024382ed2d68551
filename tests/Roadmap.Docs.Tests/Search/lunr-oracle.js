// Test oracle: runs the real lunr.js 2.3.9 for the C# tests (LunrOracle.cs).
// Usage: node lunr-oracle.js <lunr.js path> <command> <input.json> <output.json>
'use strict'
const fs = require('fs')
const path = require('path')
const [lunrPath, command, inputPath, outputPath] = process.argv.slice(2)
const lunr = require(path.resolve(lunrPath))
const input = JSON.parse(fs.readFileSync(inputPath, 'utf8'))

// spec: {fields: [{name, boost}], docs: [{ref, values: {field: text|null}, boost}]}
function build (spec) {
  return lunr(function () {
    this.ref('__ref')
    for (const f of spec.fields) this.field(f.name, f.boost === 1 ? undefined : { boost: f.boost })
    for (const d of spec.docs) {
      const doc = Object.assign({ __ref: d.ref }, d.values)
      if (d.boost === 1) this.add(doc); else this.add(doc, { boost: d.boost })
    }
  })
}

// Each result as [ref, score]; the JSON text compares scores exactly (shortest round-trip digits).
function search (index, query) {
  try {
    return JSON.stringify(index.search(query).map(r => [r.ref, r.score]))
  } catch (e) {
    return 'error: ' + e.message
  }
}

function loadShards (spec, shards) {
  const manifest = JSON.parse(fs.readFileSync(path.join(spec.dir, spec.manifest), 'utf8'))
  const all = manifest.shards.map(s => shards.expandShard(manifest, JSON.parse(fs.readFileSync(path.join(spec.dir, s.file), 'utf8'))))
  return { manifest, all }
}

function pick (all, numbers) {
  const loaded = []
  for (const n of numbers) loaded[n] = all[n]
  return loaded
}

const commands = {
  build: specs => specs.map(spec => JSON.stringify(build(spec))),

  stem: words => words.map(w => lunr.stemmer(new lunr.Token(w)).toString()),

  text: strings => {
    const pipeline = new lunr.Pipeline()
    pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
    return strings.map(s => ({
      lower: s.toLowerCase(),
      tokens: lunr.tokenizer(s).map(t => [t.str, t.metadata.position[0], t.metadata.position[1]]),
      terms: pipeline.run(lunr.tokenizer(s)).map(String),
      query: lunr.stemmer(new lunr.Token(s.toLowerCase())).toString()
    }))
  },

  separators: () => {
    const out = []
    for (let c = 0; c < 0x10000; c++) if (String.fromCharCode(c).match(lunr.tokenizer.separator)) out.push(c)
    return out
  },

  log: xs => xs.map(Math.log),

  format: xs => xs.map(String),

  // {spec, index: path of the C# JSON, queries}: the same queries on the lunr-built and the C#-built index.
  search: ({ spec, index, queries }) => {
    const reference = build(spec)
    const candidate = lunr.Index.load(JSON.parse(fs.readFileSync(index, 'utf8')))
    return queries.map(q => ({ expected: search(reference, q), actual: search(candidate, q) }))
  },

  // {dir, manifest, full: path of the unsharded JSON, queries}
  shards: spec => {
    const shards = require('../../../theme/assets/js/search/lunr-shards.js')
    const { manifest, all } = loadShards(spec, shards)
    const full = lunr.Index.load(JSON.parse(fs.readFileSync(spec.full, 'utf8')))
    const allIndex = lunr.Index.load(shards.mergeShards(manifest, all))
    const shardTerms = all.map(s => lunr.Index.load(s).tokenSet.toArray().length)
    const results = spec.queries.map(q => {
      let needed
      try {
        needed = shards.shardsForQuery(lunr, manifest, q)
      } catch (e) {
        needed = []
      }
      const minimal = lunr.Index.load(shards.mergeShards(manifest, pick(all, needed)))
      // A superset of the needed shards must give the same results too.
      const extra = needed.concat([0, all.length - 1].filter(n => needed.indexOf(n) < 0))
      const superset = lunr.Index.load(shards.mergeShards(manifest, pick(all, extra)))
      return {
        needed,
        expected: search(full, q),
        all: search(allIndex, q),
        minimal: search(minimal, q),
        superset: search(superset, q)
      }
    })
    return { shardTerms, results }
  }
}

fs.writeFileSync(outputPath, JSON.stringify(commands[command](input)), 'utf8')

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
  }
}

fs.writeFileSync(outputPath, JSON.stringify(commands[command](input)), 'utf8')

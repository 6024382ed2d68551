/*
 * Loads a term-sharded lunr 2.3.9 index (written by Roadmap.Docs.Search.Lunr.LunrShards) in the browser.
 *
 * The manifest: {"version":"2.3.9","fields":[...],"pipeline":["stemmer"],"refs":[...],
 *                "shards":[{"from":"","file":"search-index-0.json"},{"from":"d","file":"search-index-1.json"},...]}
 * Shard i holds the terms t with shards[i].from <= t < shards[i+1].from (JS string order).
 *
 * A shard file is packed: {"terms":[[term, _index, field 0 postings, field 1 postings, ...], ...]}, each field's
 * postings a flat list [document, score, document, score, ...] where each document number is the gap from the one
 * before (the first from 0) and the score is that document's field vector value for the term. expandShard turns it
 * into lunr's own serialized form (about four times the bytes: lunr names each document twice per term).
 *
 * Scores cannot be summed across shards (a score divides by the norm of the whole query vector), so:
 *   1. needed = shardsForQuery(lunr, manifest, query)   // every shard a clause can expand into
 *   2. fetch those shard files, expandShard each once (keep the ones already loaded: any superset gives the same results)
 *   3. idx = lunr.Index.load(mergeShards(manifest, loaded))   // loaded[i] = expanded shard i, or undefined
 *   4. idx.search(query)
 * Fuzzy (~n) clauses and leading wildcards (*foo) can match any term: they need every shard.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory()
  } else {
    root.lunrShards = factory()
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict'

  /** The shard that holds an index term (already lowercased and stemmed): the last one whose `from` <= term. */
  function shardForTerm (manifest, term) {
    var shards = manifest.shards, lo = 0, hi = shards.length - 1
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1
      if (shards[mid].from <= term) lo = mid; else hi = mid - 1
    }
    return lo
  }

  /** Every shard that can hold a term starting with `prefix`: later shards only while their `from` starts with it. */
  function shardsForPrefix (manifest, prefix) {
    var first = shardForTerm(manifest, prefix), result = [first]
    for (var i = first + 1; i < manifest.shards.length && manifest.shards[i].from.lastIndexOf(prefix, 0) === 0; i++) {
      result.push(i)
    }
    return result
  }

  function allShards (manifest) {
    return manifest.shards.map(function (_, i) { return i })
  }

  /** The sorted shard numbers a query string needs (throws lunr.QueryParseError as idx.search would). */
  function shardsForQuery (lunr, manifest, queryString) {
    var query = new lunr.Query(manifest.fields),
        pipeline = lunr.Pipeline.load(manifest.pipeline),
        needed = {}
    new lunr.QueryParser(queryString, query).parse()
    for (var c = 0; c < query.clauses.length; c++) {
      var clause = query.clauses[c]
      if (clause.editDistance) return allShards(manifest)
      // As lunr.Index.query does: wildcard terms skip the pipeline, the rest go through it (the stemmer).
      var terms = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term]
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t], star = term.indexOf(lunr.Query.wildcard)
        if (star === 0) return allShards(manifest)
        var hit = star > 0 ? shardsForPrefix(manifest, term.slice(0, star)) : [shardForTerm(manifest, term)]
        for (var h = 0; h < hit.length; h++) needed[hit[h]] = true
      }
    }
    return Object.keys(needed).map(Number).sort(function (a, b) { return a - b })
  }

  /**
   * A packed shard in lunr's serialized form (a valid index for lunr.Index.load on its own): every field; each term's
   * posting {_index, field: {ref: {}}}, refs in document order as lunr's builder adds them; and the fieldVectors of the
   * documents its postings name, with only this shard's elements, sorted by term index as lunr.Vector keeps them.
   * Document numbers are positions in manifest.refs, or the refs themselves when the manifest has none (the site's store).
   */
  function expandShard (manifest, packed) {
    var fields = manifest.fields, refs = manifest.refs, invertedIndex = [], vectors = Object.create(null), order = []
    for (var t = 0; t < packed.terms.length; t++) {
      var entry = packed.terms[t], termIndex = entry[1], posting = { _index: termIndex }
      for (var f = 0; f < fields.length; f++) {
        var list = entry[2 + f], docs = {}, doc = 0
        for (var k = 0; k < list.length; k += 2) {
          doc += list[k]
          var ref = refs ? refs[doc] : String(doc), key = fields[f] + '/' + ref, pairs = vectors[key]
          // As JSON.parse would: an own property even for the ref "__proto__" (plain assignment would set the prototype).
          if (ref === '__proto__') Object.defineProperty(docs, ref, { value: {}, enumerable: true, writable: true, configurable: true })
          else docs[ref] = {}
          if (pairs === undefined) {
            pairs = vectors[key] = []
            order.push(key)
          }
          pairs.push([termIndex, list[k + 1]])
        }
        posting[fields[f]] = docs
      }
      invertedIndex.push([entry[0], posting])
    }
    var fieldVectors = order.map(function (key) {
      var pairs = vectors[key].sort(function (a, b) { return a[0] - b[0] }), elements = new Array(pairs.length * 2)
      for (var p = 0; p < pairs.length; p++) {
        elements[2 * p] = pairs[p][0]
        elements[2 * p + 1] = pairs[p][1]
      }
      return [key, elements]
    })
    return { version: manifest.version, fields: fields, fieldVectors: fieldVectors, invertedIndex: invertedIndex, pipeline: manifest.pipeline }
  }

  /** Merges two [termIndex, value, ...] lists, each sorted by termIndex, with no index in both. */
  function mergeElements (a, b) {
    var out = new Array(a.length + b.length), i = 0, j = 0, k = 0
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) { out[k++] = a[i++]; out[k++] = a[i++] } else { out[k++] = b[j++]; out[k++] = b[j++] }
    }
    while (i < a.length) out[k++] = a[i++]
    while (j < b.length) out[k++] = b[j++]
    return out
  }

  /**
   * One serialized index for lunr.Index.load from the loaded shards (loaded[i] = expandShard of shard i, holes allowed).
   * invertedIndex: the shards' lists concatenated in shard order, which keeps the terms sorted.
   * fieldVectors: every "field/ref" in manifest order (refs x fields, as the unsharded index has them, so negated queries
   * list every document), each with the loaded shards' elements for it merged by term index.
   */
  function mergeShards (manifest, loaded) {
    var invertedIndex = [], elements = Object.create(null)
    for (var i = 0; i < loaded.length; i++) {
      var shard = loaded[i]
      if (!shard) continue
      for (var t = 0; t < shard.invertedIndex.length; t++) invertedIndex.push(shard.invertedIndex[t])
      for (var v = 0; v < shard.fieldVectors.length; v++) {
        var fieldRef = shard.fieldVectors[v][0], list = shard.fieldVectors[v][1], seen = elements[fieldRef]
        elements[fieldRef] = seen === undefined ? list : mergeElements(seen, list)
      }
    }
    var fieldVectors = []
    if (manifest.refs) {
      for (var r = 0; r < manifest.refs.length; r++) {
        for (var f = 0; f < manifest.fields.length; f++) {
          var key = manifest.fields[f] + '/' + manifest.refs[r]
          fieldVectors.push([key, elements[key] || []])
        }
      }
    } else {
      // Refs are the numbers 0..refCount-1 (the site's search store): keep only the field vectors the loaded postings
      // can reach, in ref then field order. Positive queries score the same; a query of only -terms lists no documents.
      var fieldOrder = Object.create(null)
      for (var fi = 0; fi < manifest.fields.length; fi++) fieldOrder[manifest.fields[fi]] = fi
      var keys = Object.keys(elements).map(function (k) {
        var slash = k.indexOf('/')
        return { key: k, ref: +k.slice(slash + 1), field: fieldOrder[k.slice(0, slash)] }
      })
      keys.sort(function (a, b) { return a.ref - b.ref || a.field - b.field })
      for (var ki = 0; ki < keys.length; ki++) fieldVectors.push([keys[ki].key, elements[keys[ki].key]])
    }
    return {
      version: manifest.version,
      fields: manifest.fields,
      fieldVectors: fieldVectors,
      invertedIndex: invertedIndex,
      pipeline: manifest.pipeline
    }
  }

  return {
    shardForTerm: shardForTerm,
    shardsForPrefix: shardsForPrefix,
    shardsForQuery: shardsForQuery,
    expandShard: expandShard,
    mergeShards: mergeShards
  }
}))

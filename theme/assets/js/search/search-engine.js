/*
 * Roadmap.Docs search engine: turns what a reader types into a lunr query, loads only the index shards and store
 * chunks that query needs, and returns display-ready results. The same file runs in the search worker
 * (search-worker.js, scripts loaded with importScripts) and on the page (search.js, scripts loaded with <script>
 * tags, for file:// where Chrome refuses workers). Every data file under search/ is a script that calls the global
 * roadmapDocsSearch(type, n, data); the engine defines that function and picks the data up when the script has run.
 *
 *   var engine = roadmapDocsSearchEngine.create({ lunr: lunr, lunrShards: lunrShards, global: self,
 *                                                 load: function (file) { return promise of search/<file> run } })
 *   engine.search("roll back", { kinds: ["runbook", "rollback"], limit: 30 })
 *     → { query, words, results: [{ ref, score, title, section, url, excerpt, kind, breadcrumb }], total, more, shards,
 *         groups: [{ url, title, breadcrumb, kind, score, page: result or null, sections: [result] }] }
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory()
  } else {
    root.roadmapDocsSearchEngine = factory()
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict'

  /** lunr's tokenizer splits on whitespace and hyphens; the query lexer does too, and reads a leading - as "must not". */
  var SEPARATOR = /[\s-]+/
  /** Characters the query lexer gives a meaning inside a word (field, boost, fuzzy, escape, presence); escaped with \. */
  var SPECIAL = /[:^~+\\]/g
  /** Exact (stemmed) matches count this many times a prefix match. */
  var EXACT_BOOST = 10
  /** A raw lunr query: a word that starts with + or -, or field:term for a field of the index. */
  var RAW_PRESENCE = /(^|\s)[+-][^\s+-]/

  /** As lunr.trimmer: non-word characters (ASCII \W) dropped at both ends of a token. */
  function trim (word) {
    return word.replace(/^\W+/, '').replace(/\W+$/, '')
  }

  /** The words of a free-text query as lunr's tokenizer and trimmer see them: lowercased, no "*" (always a wildcard). */
  function splitWords (text) {
    var parts = String(text).toLowerCase().split(SEPARATOR), words = []
    for (var i = 0; i < parts.length; i++) {
      var word = trim(parts[i].replace(/\*/g, ''))
      if (word && words.indexOf(word) < 0) words.push(word)
    }
    return words
  }

  function isRaw (text, fields) {
    if (RAW_PRESENCE.test(text)) return true
    for (var i = 0; i < fields.length; i++) {
      if (new RegExp('(^|[\\s+-])' + fields[i] + ':', 'i').test(text)) return true
    }
    return false
  }

  function isStopWord (lunr, word) {
    return lunr.stopWordFilter(new lunr.Token(word, {})) === undefined
  }

  /**
   * Free text → lunr query string. Each word w (split as lunr splits, trimmed as lunr trims, special characters
   * escaped) becomes `w^10 w*`: the exact term (stemmed by the search pipeline, boosted) and the term as a prefix
   * (not stemmed: lunr skips the pipeline for wildcards), so "roll" finds "rollback" while typing and "restore"
   * still finds the stemmed "restor". One-letter words get no prefix clause (it would expand to much of the index).
   * Stop words are not in the index: they are left out, except a last word still being typed ("the" → "their").
   * A query that already uses lunr syntax (+word, -word, field:word) is passed through as it is.
   * Returns { query, words (lowercase, for highlighting and the hl parameter), required (words every result must
   * match), raw }.
   */
  function buildQuery (lunr, text, fields) {
    var words = splitWords(text)
    if (isRaw(text, fields)) {
      var plain = splitWords(String(text).replace(/(^|\s)[+-]/g, '$1').replace(/\b\w+:/g, ''))
      return { query: String(text).trim(), words: plain, required: [], raw: true }
    }
    var clauses = [], required = []
    for (var i = 0; i < words.length; i++) {
      var word = words[i], escaped = word.replace(SPECIAL, '\\$&'), last = i === words.length - 1
      if (isStopWord(lunr, word)) {
        if (last && word.length >= 2) clauses.push(escaped + '*')
        continue
      }
      required.push(word)
      clauses.push(escaped + '^' + EXACT_BOOST)
      if (word.length >= 2) clauses.push(escaped + '*')
    }
    return { query: clauses.join(' '), words: words, required: required, raw: false }
  }

  /**
   * lunr ORs the clauses; a reader typing two words means both. Keep the hits that match every required word (its
   * stemmed form, or a term it is a prefix of), when there are any; else all hits, still in score order.
   */
  function matchingAll (lunr, hits, required) {
    if (required.length < 2) return hits
    var tests = required.map(function (word) {
      var stem = lunr.stemmer(new lunr.Token(word, {})).toString()
      return function (term) { return term === stem || (word.length >= 2 && term.lastIndexOf(word, 0) === 0) }
    })
    var all = hits.filter(function (hit) {
      var terms = Object.keys(hit.matchData.metadata)
      return tests.every(function (test) { return terms.some(test) })
    })
    return all.length ? all : hits
  }

  /**
   * Results grouped by page (the url before #): a page's relevance is the sum of its shown hits' scores, so a page
   * many of whose sections match ranks above a page with one strong paragraph; groups in that order, ties in score
   * order. In a group: the page entry when it matched, then its sections in score order.
   */
  function groupByPage (results) {
    var groups = [], byUrl = Object.create(null)
    for (var i = 0; i < results.length; i++) {
      var r = results[i], url = r.url.split('#')[0], group = byUrl[url]
      if (!group) {
        group = byUrl[url] = { url: url, title: r.title, breadcrumb: r.breadcrumb, kind: r.kind, score: 0, first: i, page: null, sections: [] }
        groups.push(group)
      }
      group.score += r.score
      if (r.section) group.sections.push(r); else group.page = r
    }
    return groups.sort(function (a, b) { return b.score - a.score || a.first - b.first })
  }

  function create (options) {
    var lunr = options.lunr, lunrShards = options.lunrShards
    var received = Object.create(null), files = Object.create(null), stores = [], indexes = [], manifestPromise = null
    var INDEX_CACHE = 6

    options.global.roadmapDocsSearch = function (type, n, data) { received[type + ':' + n] = data }

    /**
     * search/<file>, which must call roadmapDocsSearch(key); one load per file, retried after a failure. What it
     * defined goes through prepare (when given) once.
     */
    function load (file, key, prepare) {
      if (!files[file]) {
        files[file] = Promise.resolve()
          .then(function () { return options.load(file) })
          .then(function () {
            if (!(key in received)) throw new Error('search/' + file + ' did not define the search data ' + key)
            var data = received[key]
            delete received[key]
            return prepare ? prepare(data) : data
          })
          .catch(function (error) {
            delete files[file]
            throw error
          })
      }
      return files[file]
    }

    function manifest () {
      if (!manifestPromise) {
        manifestPromise = load('manifest.js', 'manifest:0').catch(function (error) {
          manifestPromise = null
          throw error
        })
      }
      return manifestPromise
    }

    /** The merged lunr index of exactly these shards; the last few are kept (typing mostly repeats shard sets). */
    function indexFor (m, needed) {
      var key = needed.join(',')
      for (var i = 0; i < indexes.length; i++) {
        if (indexes[i].key === key) {
          var hit = indexes.splice(i, 1)[0]
          indexes.unshift(hit)
          return hit.promise
        }
      }
      var promise = Promise.all(needed.map(function (s) {
        return load(m.shards[s].file, 'shard:' + s, function (packed) { return lunrShards.expandShard(m, packed) })
      }))
        .then(function (shards) {
          var loaded = []
          for (var j = 0; j < needed.length; j++) loaded[needed[j]] = shards[j]
          return lunr.Index.load(lunrShards.mergeShards(m, loaded))
        })
      var entry = { key: key, promise: promise }
      indexes.unshift(entry)
      if (indexes.length > INDEX_CACHE) indexes.pop()
      promise.catch(function () {
        var at = indexes.indexOf(entry)
        if (at >= 0) indexes.splice(at, 1)
      })
      return promise
    }

    /**
     * Store chunk c, each entry [title, section, url, excerpt, kind, breadcrumb]. A section that follows an entry of its
     * own page comes as [section, "#id", excerpt]: the rest is that entry's, filled in once, as the chunk arrives.
     */
    function chunk (m, c) {
      return load(m.store[c], 'store:' + c, function (data) {
        for (var i = 1; i < data.length; i++) {
          var entry = data[i], previous = data[i - 1]
          if (entry.length === 3) data[i] = [previous[0], entry[0], previous[2].split('#')[0] + entry[1], entry[2], previous[4], previous[5]]
        }
        return data
      }).then(function (data) {
        stores[c] = data
        return data
      })
    }

    function result (hit, entry) {
      return {
        ref: +hit.ref,
        score: hit.score,
        title: entry[0],
        section: entry[1],
        url: entry[2],
        excerpt: entry[3],
        kind: entry[4],
        breadcrumb: entry[5]
      }
    }

    /**
     * The first `limit` hits as results. Without a kind filter: only the store chunks of those hits. With one: the
     * chunks in hit order until `limit` hits of those kinds are found (kinds live in the store), so `total` is then
     * a lower bound and `more` says whether hits were left unread.
     */
    function collect (m, hits, kinds, limit) {
      if (!kinds) {
        var shown = hits.slice(0, limit), needed = {}
        shown.forEach(function (hit) { needed[Math.floor(hit.ref / m.storeChunk)] = true })
        return Promise.all(Object.keys(needed).map(function (c) { return chunk(m, +c) })).then(function () {
          return {
            results: shown.map(function (hit) { return result(hit, stores[Math.floor(hit.ref / m.storeChunk)][hit.ref % m.storeChunk]) }),
            total: hits.length,
            more: false
          }
        })
      }
      var results = []
      function from (i) {
        while (i < hits.length && results.length < limit) {
          var c = Math.floor(hits[i].ref / m.storeChunk)
          if (!stores[c]) return chunk(m, c).then(from.bind(null, i))
          var entry = stores[c][hits[i].ref % m.storeChunk]
          if (kinds.indexOf(entry[4]) >= 0) results.push(result(hits[i], entry))
          i++
        }
        return Promise.resolve({ results: results, total: results.length, more: i < hits.length })
      }
      return from(0)
    }

    /** Loads the manifest ahead of the first query (the dialog opened). */
    function warm () {
      return manifest().then(function () { return true })
    }

    function search (text, opts) {
      opts = opts || {}
      var limit = opts.limit || 30, kinds = opts.kinds && opts.kinds.length ? opts.kinds : null
      return manifest().then(function (m) {
        var built = buildQuery(lunr, text, m.fields)
        var empty = { query: built.query, words: built.words, results: [], groups: [], total: 0, more: false, shards: [] }
        if (!built.query) return empty
        var needed = lunrShards.shardsForQuery(lunr, m, built.query)
        return indexFor(m, needed).then(function (idx) {
          var hits = idx.search(built.query)
          if (!built.raw) hits = matchingAll(lunr, hits, built.required)
          return collect(m, hits, kinds, limit)
        }).then(function (found) {
          empty.results = found.results
          empty.total = found.total
          empty.more = found.more
          empty.groups = groupByPage(found.results)
          empty.shards = needed
          return empty
        })
      })
    }

    return { search: search, warm: warm }
  }

  return { create: create, buildQuery: buildQuery, splitWords: splitWords, groupByPage: groupByPage }
}))

/*
 * Site search UI: the header button, the search dialog (/ or Ctrl/Cmd-K), results grouped by page, the kind filter,
 * the ?q= parameter, and on arrival from a result the ?hl= terms marked in the page.
 *
 * The engine (search-engine.js) runs in a Web Worker when the page is served over http(s); from file://, where Chrome
 * refuses workers, it runs on the page with the same scripts loaded by <script> tags. Everything is relative to the
 * site root the page names in <meta name="roadmap-docs-root">, so the site works under any path prefix.
 * window.roadmapDocsSearchMode says which ("worker" or "main") once the engine has started; window.roadmapDocsSearchLast
 * holds the timing of the last rendered results ({ text, ms: input event → results in the DOM, engineMs }).
 */
(function () {
  'use strict'

  var meta = document.querySelector('meta[name="roadmap-docs-root"]')
  var ROOT = meta ? meta.getAttribute('content') || '' : ''
  var LIMIT = 30
  var DEBOUNCE_MS = 60
  var SECTIONS_PER_PAGE = 3
  var FILTERS = [
    { id: 'all', label: 'All', kinds: null },
    { id: 'runbooks', label: 'Runbooks', kinds: ['runbook', 'rollback'] },
    { id: 'roadmap', label: 'Roadmap', kinds: ['roadmap', 'phase', 'risks', 'kpis'] },
    { id: 'architecture', label: 'Architecture', kinds: ['architecture'] }
  ]
  var KIND_LABELS = {
    page: 'Page', phase: 'Phase', roadmap: 'Roadmap', risks: 'Risks', kpis: 'KPIs', runbook: 'Runbook',
    rollback: 'Rollback', architecture: 'Architecture', listing: 'Index'
  }

  // ---- Shared: words → a case-insensitive "starts a word" pattern. ----

  function escapeRegExp (text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }

  /** Matches any of the words where a word starts (not after a letter, digit or _), case-insensitively. */
  function wordPattern (words) {
    var alternatives = words.filter(Boolean).map(escapeRegExp).sort(function (a, b) { return b.length - a.length })
    if (!alternatives.length) return null
    return new RegExp('(?<![\\p{L}\\p{N}_])(?:' + alternatives.join('|') + ')', 'giu')
  }

  /** Appends text to parent with the pattern's matches wrapped in <mark> (DOM nodes only: the text is never HTML). */
  function appendMarked (parent, text, pattern, className) {
    if (!pattern) {
      parent.appendChild(document.createTextNode(text))
      return 0
    }
    var last = 0, count = 0, match
    pattern.lastIndex = 0
    while ((match = pattern.exec(text)) !== null) {
      if (match[0].length === 0) { pattern.lastIndex++; continue }
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)))
      var mark = document.createElement('mark')
      if (className) mark.className = className
      mark.textContent = match[0]
      parent.appendChild(mark)
      last = match.index + match[0].length
      count++
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)))
    return count
  }

  function replaceUrl (url) {
    try {
      history.replaceState(history.state, '', url.href)
    } catch (e) { /* some file:// setups refuse; the page still works */ }
  }

  // ---- On arrival from a result: mark the ?hl= terms, bring the section into view, drop hl from the URL. ----

  function highlightArrival () {
    var url = new URL(location.href)
    var hl = url.searchParams.get('hl')
    if (hl === null) return
    url.searchParams.delete('hl')
    replaceUrl(url)
    var content = document.querySelector('.markdown')
    var pattern = wordPattern(hl.toLowerCase().split(/\s+/))
    if (!content || !pattern) return
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentNode
        if (!node.nodeValue.trim() || (parent && /^(SCRIPT|STYLE|MARK|TEXTAREA)$/.test(parent.nodeName))) return NodeFilter.FILTER_REJECT
        return NodeFilter.FILTER_ACCEPT
      }
    })
    var nodes = []
    while (walker.nextNode()) nodes.push(walker.currentNode)
    nodes.forEach(function (node) {
      pattern.lastIndex = 0
      if (!pattern.test(node.nodeValue)) return
      var fragment = document.createDocumentFragment()
      appendMarked(fragment, node.nodeValue, pattern, 'search-hit')
      node.parentNode.replaceChild(fragment, node)
    })
    var id = decodeURIComponent(location.hash.slice(1))
    var target = (id && document.getElementById(id)) || content.querySelector('mark.search-hit')
    if (target) target.scrollIntoView({ block: id ? 'start' : 'center' })
  }

  highlightArrival()

  // ---- The engine: a worker over http(s), the page itself from file://. ----

  function loadScript (src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script')
      script.src = src
      script.async = false
      script.onload = function () { resolve() }
      script.onerror = function () {
        script.remove()
        reject(new Error('could not load ' + src))
      }
      document.head.appendChild(script)
    })
  }

  function mainThreadBackend () {
    window.roadmapDocsSearchMode = 'main'
    var ready = null
    function engine () {
      if (!ready) {
        ready = Promise.all([
          loadScript(ROOT + 'assets/js/lunr.min.js'),
          loadScript(ROOT + 'assets/js/search/lunr-shards.js'),
          loadScript(ROOT + 'assets/js/search/search-engine.js')
        ]).then(function () {
          return window.roadmapDocsSearchEngine.create({
            lunr: window.lunr,
            lunrShards: window.lunrShards,
            global: window,
            load: function (file) { return loadScript(ROOT + 'search/' + file) }
          })
        })
        ready.catch(function () { ready = null })
      }
      return ready
    }
    return {
      warm: function () { return engine().then(function (e) { return e.warm() }) },
      search: function (text, kinds) { return engine().then(function (e) { return e.search(text, { kinds: kinds, limit: LIMIT }) }) }
    }
  }

  function workerBackend () {
    var worker = new Worker(ROOT + 'assets/js/search/search-worker.js')
    var pending = Object.create(null), nextId = 1, fallback = null
    window.roadmapDocsSearchMode = 'worker'
    worker.onmessage = function (event) {
      var call = pending[event.data.id]
      if (!call) return
      delete pending[event.data.id]
      if (event.data.error) {
        var error = new Error(event.data.error.message)
        error.name = event.data.error.name
        call.reject(error)
      } else {
        call.resolve(event.data.result)
      }
    }
    // The worker script itself failed (blocked or missing): finish on the page instead.
    worker.onerror = function (event) {
      event.preventDefault()
      worker.terminate()
      fallback = fallback || mainThreadBackend()
      var calls = pending
      pending = Object.create(null)
      Object.keys(calls).forEach(function (id) {
        var call = calls[id]
        fallback[call.type](call.text, call.kinds).then(call.resolve, call.reject)
      })
    }
    function post (type, text, kinds) {
      if (fallback) return fallback[type](text, kinds)
      return new Promise(function (resolve, reject) {
        var id = nextId++
        pending[id] = { type: type, text: text, kinds: kinds, resolve: resolve, reject: reject }
        worker.postMessage({ id: id, type: type, text: text, kinds: kinds, limit: LIMIT })
      })
    }
    return {
      warm: function () { return post('warm') },
      search: function (text, kinds) { return post('search', text, kinds) }
    }
  }

  var backend = null
  function getBackend () {
    if (!backend) {
      if (/^https?:$/.test(location.protocol) && typeof Worker === 'function') {
        try {
          backend = workerBackend()
        } catch (e) {
          backend = mainThreadBackend()
        }
      } else {
        backend = mainThreadBackend()
      }
    }
    return backend
  }

  // ---- The dialog. ----

  var button = document.querySelector('.search-button')
  var dialog = null, input, status, list, filterButtons = []
  var filter = FILTERS[0], items = [], active = -1, opener = null, timer = 0, seq = 0, inputAt = 0

  function el (tag, attrs, children) {
    var node = document.createElement(tag)
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name]; else node.setAttribute(name, attrs[name])
    })
    ;(children || []).forEach(function (child) { if (child) node.appendChild(child) })
    return node
  }

  /** The magnifier of the header button, for the dialog's search bar. */
  function icon () {
    var svg = button && button.querySelector('svg')
    if (!svg) return null
    svg = svg.cloneNode(true)
    svg.setAttribute('class', 'search-icon')
    return svg
  }

  function build () {
    input = el('input', {
      type: 'search', class: 'search-input', id: 'search-input', role: 'combobox', 'aria-expanded': 'false',
      'aria-controls': 'search-results', 'aria-autocomplete': 'list', 'aria-label': 'Search the docs',
      placeholder: 'Search runbooks, roadmap, architecture…', autocomplete: 'off', autocapitalize: 'off',
      spellcheck: 'false', enterkeyhint: 'go'
    })
    var close = el('button', { type: 'button', class: 'search-close', 'aria-label': 'Close search', text: 'Esc' })
    filterButtons = FILTERS.map(function (f) {
      var b = el('button', { type: 'button', class: 'search-filter', 'data-filter': f.id, 'aria-pressed': f === filter ? 'true' : 'false', text: f.label })
      b.addEventListener('click', function () { setFilter(f) })
      return b
    })
    status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' })
    list = el('div', { class: 'search-results', id: 'search-results', role: 'listbox', 'aria-label': 'Search results' })
    var footer = el('p', { class: 'search-footer', 'aria-hidden': 'true' }, [
      el('kbd', { text: '↑' }), el('kbd', { text: '↓' }), document.createTextNode(' to move '),
      el('kbd', { text: 'Enter' }), document.createTextNode(' to open '),
      el('kbd', { text: 'Esc' }), document.createTextNode(' to close')
    ])
    dialog = el('dialog', { class: 'search-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Search' }, [
      el('div', { class: 'search-panel' }, [
        el('div', { class: 'search-bar' }, [icon(), input, close]),
        el('div', { class: 'search-filters', role: 'group', 'aria-label': 'Show' }, filterButtons),
        status,
        list,
        footer
      ])
    ])
    document.body.appendChild(dialog)

    input.addEventListener('input', function () {
      inputAt = performance.now()
      clearTimeout(timer)
      timer = setTimeout(run, DEBOUNCE_MS)
    })
    close.addEventListener('click', closeSearch)
    dialog.addEventListener('keydown', onDialogKey)
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault()
      closeSearch()
    })
    // A click on the backdrop (the dialog box itself, outside the panel) closes.
    dialog.addEventListener('click', function (event) {
      if (event.target === dialog) closeSearch()
    })
    list.addEventListener('mousemove', function (event) {
      var item = event.target.closest && event.target.closest('.search-result')
      if (item && items.indexOf(item) !== active) setActive(items.indexOf(item), false)
    })
  }

  function isOpen () {
    return !!dialog && dialog.open
  }

  function openSearch (text) {
    if (!dialog) build()
    if (!isOpen()) {
      opener = document.activeElement
      dialog.showModal()
      document.documentElement.classList.add('search-open')
      if (button) button.setAttribute('aria-expanded', 'true')
      getBackend().warm().catch(showError)
    }
    if (typeof text === 'string') input.value = text
    input.focus()
    input.select()
    if (input.value.trim()) {
      inputAt = performance.now()
      run()
    } else {
      render(null)
    }
  }

  function closeSearch () {
    if (!isOpen()) return
    clearTimeout(timer)
    seq++
    dialog.close()
    document.documentElement.classList.remove('search-open')
    if (button) button.setAttribute('aria-expanded', 'false')
    var url = new URL(location.href)
    if (url.searchParams.has('q')) {
      url.searchParams.delete('q')
      replaceUrl(url)
    }
    var back = opener && document.contains(opener) && opener !== document.body ? opener : button
    if (back) back.focus()
  }

  function setFilter (f) {
    filter = f
    filterButtons.forEach(function (b) { b.setAttribute('aria-pressed', b.getAttribute('data-filter') === f.id ? 'true' : 'false') })
    inputAt = performance.now()
    run()
  }

  function run () {
    clearTimeout(timer)
    var text = input.value
    var mine = ++seq
    var url = new URL(location.href)
    if (text.trim()) url.searchParams.set('q', text); else url.searchParams.delete('q')
    replaceUrl(url)
    if (!text.trim()) {
      render(null)
      return
    }
    dialog.setAttribute('data-state', 'loading')
    var started = performance.now()
    getBackend().search(text, filter.kinds).then(function (found) {
      if (mine !== seq) return
      render(found, text)
      var now = performance.now()
      window.roadmapDocsSearchLast = { text: text, filter: filter.id, ms: now - inputAt, engineMs: now - started, total: found.total }
    }, function (error) {
      if (mine === seq) showError(error)
    })
  }

  function showError (error) {
    if (!dialog) return
    list.textContent = ''
    items = []
    active = -1
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
    var parseError = error && error.name === 'QueryParseError'
    status.textContent = parseError
      ? 'That query is not valid search syntax: ' + error.message + '.'
      : 'Search could not load: ' + (error && error.message || error) + '.'
    status.classList.add('search-error')
    dialog.setAttribute('data-state', 'error')
  }

  /** A result link: the page with ?hl=<the words> before the #section, relative to this page. */
  function href (url, words) {
    var hash = url.indexOf('#'), path = hash < 0 ? url : url.slice(0, hash), fragment = hash < 0 ? '' : url.slice(hash)
    var query = words.length ? '?' + new URLSearchParams({ hl: words.join(' ') }).toString() : ''
    return ROOT + path + query + fragment
  }

  function option (r, className, pattern, words, id, children) {
    var a = el('a', { class: 'search-result ' + className, role: 'option', id: id, href: href(r.url, words), tabindex: '-1', 'aria-selected': 'false', 'data-kind': r.kind }, children)
    if (r.excerpt) {
      var excerpt = el('span', { class: 'search-result-excerpt' })
      appendMarked(excerpt, r.excerpt, pattern)
      a.appendChild(excerpt)
    }
    return a
  }

  function render (found, text) {
    list.textContent = ''
    items = []
    active = -1
    status.classList.remove('search-error')
    input.removeAttribute('aria-activedescendant')
    dialog.setAttribute('data-filter', filter.id)
    if (!found) {
      status.textContent = 'Type to search pages and their sections. Words match as you type: “roll” finds rollback.'
      input.setAttribute('aria-expanded', 'false')
      dialog.setAttribute('data-state', 'empty')
      dialog.removeAttribute('data-query')
      return
    }
    var pattern = wordPattern(found.words)
    found.groups.forEach(function (group, g) {
      var titleId = 'search-group-' + g
      var title = el('span', { class: 'search-result-title', id: titleId })
      appendMarked(title, group.title, pattern)
      var head = el('span', { class: 'search-result-head' }, [
        title,
        el('span', { class: 'search-result-kind kind-' + group.kind, text: KIND_LABELS[group.kind] || group.kind })
      ])
      var crumb = group.breadcrumb ? el('span', { class: 'search-result-crumb', text: group.breadcrumb }) : null
      var page = group.page || { url: group.url, kind: group.kind, excerpt: '' }
      var links = [option(page, 'search-result-page', pattern, found.words, 'search-item-' + items.length, [head, crumb])]
      items.push(links[0])
      group.sections.slice(0, SECTIONS_PER_PAGE).forEach(function (section) {
        var name = el('span', { class: 'search-result-section-title' })
        appendMarked(name, section.section, pattern)
        var link = option(section, 'search-result-section', pattern, found.words, 'search-item-' + items.length, [name])
        links.push(link)
        items.push(link)
      })
      var hidden = group.sections.length - SECTIONS_PER_PAGE
      if (hidden > 0) links.push(el('span', { class: 'search-result-more', text: '+ ' + hidden + ' more matching section' + (hidden > 1 ? 's' : '') + ' on this page' }))
      list.appendChild(el('div', { class: 'search-group', role: 'group', 'aria-labelledby': titleId }, links))
    })
    var count = found.total + (found.more ? '+' : '')
    var where = filter.kinds ? ' in ' + filter.label : ''
    if (!found.results.length) {
      status.textContent = 'No results for “' + text.trim() + '”' + where + '.' + (filter.kinds ? ' Try All.' : '')
    } else {
      var pages = found.groups.length
      status.textContent = count + ' result' + (found.total === 1 && !found.more ? '' : 's') + where +
        (found.total > found.results.length || found.more ? ', the best ' + found.results.length : '') +
        ' on ' + pages + ' page' + (pages === 1 ? '' : 's') + '.'
    }
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false')
    dialog.setAttribute('data-state', 'results')
    dialog.setAttribute('data-query', text)
    if (items.length) setActive(0, false)
  }

  function setActive (index, scroll) {
    if (active >= 0 && items[active]) {
      items[active].classList.remove('active')
      items[active].setAttribute('aria-selected', 'false')
    }
    active = index
    var item = items[active]
    if (!item) return
    item.classList.add('active')
    item.setAttribute('aria-selected', 'true')
    input.setAttribute('aria-activedescendant', item.id)
    if (scroll) item.scrollIntoView({ block: 'nearest' })
  }

  function focusables () {
    return Array.prototype.filter.call(dialog.querySelectorAll('input, button'), function (e) {
      return !e.disabled && e.offsetParent !== null
    })
  }

  function onDialogKey (event) {
    var key = event.key
    if (key === 'Escape') {
      event.preventDefault()
      closeSearch()
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      if (!items.length) return
      event.preventDefault()
      var next = active + (key === 'ArrowDown' ? 1 : -1)
      setActive(Math.max(0, Math.min(items.length - 1, next)), true)
      if (document.activeElement !== input) input.focus()
    } else if (key === 'Enter' && document.activeElement === input) {
      event.preventDefault()
      if (items[active]) items[active].click()
    } else if (key === 'Tab') {
      var all = focusables()
      if (!all.length) return
      var first = all[0], last = all[all.length - 1]
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault()
        first.focus()
      }
    }
  }

  function typing (target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.nodeName))
  }

  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'k' || event.key === 'K')) {
      event.preventDefault()
      if (isOpen()) closeSearch(); else openSearch()
    } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isOpen() && !typing(event.target)) {
      event.preventDefault()
      openSearch()
    }
  })

  if (button) {
    button.addEventListener('click', function () { openSearch() })
  }

  var initial = new URL(location.href).searchParams.get('q')
  if (initial && initial.trim()) openSearch(initial)
})()

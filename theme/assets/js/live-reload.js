// Live reload for `roadmap-docs serve` (the server adds this script to every page it serves; built sites never load it).
// Reloads the page after each successful rebuild that changed it, and shows the build's diagnostics in an overlay while
// the build fails. A one-page refresh, and the whole build that follows it, name the pages they changed: the others stay.
// Loaded from a file, not inline, so a Content-Security-Policy can forbid inline scripts; every URL is taken relative to
// this script's own src, so it works under any path prefix.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.EventSource) {
    return;
  }
  var base = script.src;
  var overlay = null;
  var seenBuild = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  // Built with DOM calls and CSSOM styles: no innerHTML (diagnostics are text) and no style attributes (CSP).
  function show(diagnostics) {
    hide();
    overlay = document.createElement('div');
    overlay.setAttribute('role', 'alert');
    overlay.className = 'roadmap-docs-build-error';
    Object.assign(overlay.style, {
      position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '2147483647', maxHeight: '50vh', overflow: 'auto',
      margin: '0', padding: '12px 16px', background: '#1f2328', color: '#f6f8fa', borderTop: '4px solid #cf222e',
      font: '13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', boxShadow: '0 -4px 16px rgba(0,0,0,.3)'
    });
    var title = document.createElement('strong');
    title.textContent = 'Build failed: showing the last good site. Fix the file and save to rebuild.';
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    Object.assign(close.style, { float: 'right', font: 'inherit', cursor: 'pointer' });
    close.addEventListener('click', hide);
    var list = document.createElement('pre');
    Object.assign(list.style, { margin: '8px 0 0', whiteSpace: 'pre-wrap', font: 'inherit' });
    list.textContent = diagnostics.map(function (d) { return d.text; }).join('\n');
    overlay.append(close, title, list);
    document.body.appendChild(overlay);
  }

  // This page's path in the site ("runbooks/redis/index.html"), as the server names changed pages.
  function sitePath() {
    var root = decodeURIComponent(new URL('../', base).pathname);
    var path = decodeURIComponent(location.pathname);
    path = path.indexOf(root) === 0 ? path.slice(root.length) : path;
    return path === '' || path.slice(-1) === '/' ? path + 'index.html' : path;
  }

  function apply(status) {
    if (status.ok) {
      hide();
    } else {
      show(status.diagnostics.filter(function (d) { return d.severity !== 'info'; }));
    }
  }

  // A page loaded while the build is broken learns it here, before any event arrives.
  fetch(new URL('status', base), { cache: 'no-store' })
    .then(function (response) { return response.json(); })
    .then(apply)
    .catch(function () { /* the server is gone; EventSource keeps retrying */ });

  var events = new EventSource(new URL('events', base));
  events.addEventListener('hello', function (event) {
    // After a reconnect, a different build number means a rebuild happened while we were away.
    var build = JSON.parse(event.data).build;
    if (seenBuild !== null && build !== seenBuild) {
      location.reload();
    }
    seenBuild = build;
  });
  events.addEventListener('reload', function (event) {
    var status = JSON.parse(event.data);
    if (status.changed && status.changed.indexOf(sitePath()) < 0) {
      seenBuild = status.build;
      apply(status);
      return;
    }
    location.reload();
  });
  events.addEventListener('build-error', function (event) {
    var status = JSON.parse(event.data);
    seenBuild = status.build;
    apply(status);
  });
})();

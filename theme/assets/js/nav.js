// The sidebar's "Show all N" links. A page's sidebar lists a big folder only around the open page; the link leads to
// the folder's page (which lists everything) and, with scripts, lists the whole folder in place instead. The items
// come from assets/js/nav-tree.js, written by the build and loaded on the first click with a <script> (fetch() of
// JSON does not work from file://): it calls roadmapDocsNav({v: 1, r: node}), a node being
// {s: folder name under its parent, t: title, b: [done, total], c: [children]}; URLs are site-root relative and are
// resolved against the page's root (meta roadmap-docs-root), so the site works at /, under a prefix and from disk.
(function () {
  "use strict";
  var sidebar = document.getElementById("sidebar");
  if (!sidebar) return;
  var meta = document.querySelector('meta[name="roadmap-docs-root"]');
  var ROOT = meta ? meta.getAttribute("content") || "" : "";
  var byUrl = null;
  var loading = null;

  // Every node by its site-root-relative URL ("runbooks/index.html"), with that URL set on it as u.
  function index(tree) {
    var map = Object.create(null);
    (function walk(node, folder) {
      node.u = folder + "index.html";
      map[node.u] = node;
      (node.c || []).forEach(function (child) { walk(child, folder + child.s + "/"); });
    })(tree.r, "");
    return map;
  }

  function loadTree() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        window.roadmapDocsNav = function (tree) { byUrl = index(tree); };
        var script = document.createElement("script");
        script.src = ROOT + "assets/js/nav-tree.js";
        script.onload = function () {
          if (byUrl) { resolve(byUrl); } else { reject(new Error("nav-tree.js did not call roadmapDocsNav")); }
        };
        script.onerror = function () { reject(new Error("could not load nav-tree.js")); };
        document.head.appendChild(script);
      }).catch(function (error) {
        loading = null;
        throw error;
      });
    }
    return loading;
  }

  // An absolute URL without query and hash, "x/" and "x/index.html" alike, to match links to tree nodes.
  function key(href) {
    var url = new URL(href, location.href);
    return (url.origin === "null" ? url.protocol : url.origin) + url.pathname.replace(/index\.html$/, "");
  }

  // The same markup the build writes (NavHtml.cs) for an item that is not on the open path.
  function item(node) {
    var li = document.createElement("li");
    if (node.c) li.className = "nav-folder";
    var a = document.createElement("a");
    a.href = ROOT + node.u;
    var title = document.createElement("span");
    title.className = "nav-title";
    title.textContent = node.t;
    a.appendChild(title);
    if (node.b) {
      var badge = document.createElement("span");
      badge.className = "nav-badge" + (node.b[0] === node.b[1] ? " complete" : "");
      badge.title = "checklist items done";
      badge.textContent = node.b[0] + "/" + node.b[1];
      a.appendChild(badge);
    }
    li.appendChild(a);
    return li;
  }

  // Lists every child of the folder in the list that holds the link; the items already there (the open path with
  // its expanded folders, the current page) are kept as they are.
  function showAll(link, folder) {
    var list = link.closest("ul");
    var shown = Object.create(null);
    Array.prototype.forEach.call(list.children, function (li) {
      var a = li.firstElementChild;
      if (a && a.tagName === "A" && !li.classList.contains("nav-more")) shown[key(a.href)] = li;
    });
    var all = document.createDocumentFragment();
    var firstNew = null;
    var rootItem = list.classList.contains("nav-list") ? list.firstElementChild : null;
    if (rootItem) all.appendChild(rootItem);
    folder.c.forEach(function (child) {
      var li = shown[key(ROOT + child.u)];
      if (!li) {
        li = item(child);
        if (!firstNew) firstNew = li;
      }
      all.appendChild(li);
    });
    list.replaceChildren(all);
    // Keep the reader's place: focus stays on the open item of this list (the page or the folder holding it).
    var focus = list.querySelector(":scope > li.open > a, :scope > li > a[aria-current]") || (firstNew && firstNew.firstElementChild);
    if (focus) focus.focus();
  }

  sidebar.addEventListener("click", function (event) {
    var link = event.target.closest("a.nav-all");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") return;
    link.setAttribute("aria-busy", "true");
    var label = link.textContent;
    link.textContent = "Loading…";
    loadTree().then(function (nodes) {
      var folder = nodes[link.getAttribute("data-folder")];
      if (!folder || !folder.c) throw new Error("no folder " + link.getAttribute("data-folder") + " in nav-tree.js");
      showAll(link, folder);
    }).catch(function () {
      // The folder's own page lists everything too.
      link.textContent = label;
      link.removeAttribute("aria-busy");
      location.href = link.href;
    });
  });
})();

/*
 * Offline search for pages opened from a folder (file://).
 *
 * Material's search runs in a web worker and fetches a JSON index; Chromium
 * allows neither from file://. This script loads the language's index as a
 * plain <script> (search/index.<lang>.js sets window.courseSearchIndex[lang])
 * the first time search is opened, tokenises and stems it in memory, and
 * shows results in Material's search box markup.
 *
 * Matching follows each language's rules, which come with the index
 * (data.languages, written by build_tools/languages/search.py from the tables in
 * build_tools/languages/tables/): words are lowercased, letters read as their
 * equivalents (ё as е, Uzbek apostrophes as ʻ), reduced to stems by the
 * language's suffix-stripping steps, every query word must match, and the
 * last word also matches as a prefix while it is being typed. A language
 * without a stemmer matches whole words and words beginning with the query.
 * How a language reads and stems words is course-search-language.js, loaded
 * before this script.
 */
(function () {
  "use strict";

  var MAX_PAGES = 20;
  var MAX_SECTIONS = 3;
  var SNIPPET = 180;

  var Language = window.CourseSearchLanguage;  // course-search-language.js

  // ---- Index -------------------------------------------------------------

  function Index(data) {
    this.sections = [];
    this.postings = new Map();
    this.langs = [data.lang];
    this.languages = {};
    var rules = data.languages || {};
    var self = this;
    Object.keys(rules).forEach(function (code) { self.languages[code] = new Language(rules[code]); });
    data.pages.forEach(function (page, pageNo) {
      var lang = page[2] || data.lang;
      if (self.langs.indexOf(lang) < 0) self.langs.push(lang);
      page[3].forEach(function (section) {
        self.add({ page: pageNo, url: page[0], pageTitle: page[1], lang: lang,
                   anchor: section[0], title: section[1], text: section[2] });
      });
    });
    this.stems = Array.from(this.postings.keys());
  }

  Index.prototype.language = function (code) {
    if (!this.languages[code]) this.languages[code] = new Language(null);
    return this.languages[code];
  };

  Index.prototype.add = function (section) {
    var id = this.sections.length;
    var language = this.language(section.lang);
    section.titleStems = new Set(language.words(section.title).map(function (w) {
      return language.stem(w);
    }));
    this.sections.push(section);
    var postings = this.postings;
    var seen = new Set(section.titleStems);
    language.words(section.pageTitle + " " + section.text).forEach(function (w) {
      seen.add(language.stem(w));
    });
    seen.forEach(function (s) {
      if (!postings.has(s)) postings.set(s, []);
      postings.get(s).push(id);
    });
  };

  // Index stems a query word matches, with a weight: 2 for its stem in any
  // language of the index; 1, for the word being typed or in a language
  // without a stemmer, for stems it begins or that begin with it.
  Index.prototype.match = function (word, typing) {
    var self = this;
    var variants = [];
    var prefixes = [];
    this.langs.forEach(function (code) {
      var language = self.language(code);
      variants.push(language.stem(word));
      if (typing || !language.hasStemmer()) prefixes.push(language.normalize(word));
    });
    var matches = new Map();
    this.stems.forEach(function (s) {
      if (variants.indexOf(s) >= 0) matches.set(s, 2);
      else if (prefixes.some(function (norm) {
        return s.startsWith(norm) || (s.length >= 4 && norm.startsWith(s));
      })) {
        matches.set(s, 1);
      }
    });
    return matches;
  };

  Index.prototype.search = function (query) {
    var terms = this.language(this.langs[0]).words(query);
    if (!terms.length) return null;
    var self = this;
    var hits = null;
    var matched = new Set();
    var typing = !/\s$/.test(query);
    terms.forEach(function (term, i) {
      var stems = self.match(term, typing && i === terms.length - 1);
      var found = new Map();
      stems.forEach(function (weight, s) {
        matched.add(s);
        self.postings.get(s).forEach(function (id) {
          var score = weight * (self.sections[id].titleStems.has(s) ? 5 : 1);
          found.set(id, Math.max(found.get(id) || 0, score));
        });
      });
      if (hits === null) {
        hits = found;
      } else {
        hits.forEach(function (score, id) {
          if (found.has(id)) hits.set(id, score + found.get(id)); else hits.delete(id);
        });
      }
    });
    return { pages: this.group(hits), stems: matched };
  };

  // Results by page, best page first, each with its best sections.
  Index.prototype.group = function (hits) {
    var pages = new Map();
    var sections = this.sections;
    hits.forEach(function (score, id) {
      var section = sections[id];
      if (!pages.has(section.page)) pages.set(section.page, { score: 0, sections: [] });
      var page = pages.get(section.page);
      page.score = Math.max(page.score, score);
      page.sections.push({ score: score, section: section, id: id });
    });
    return Array.from(pages.values()).sort(function (a, b) {
      return b.score - a.score || a.sections[0].id - b.sections[0].id;
    }).map(function (page) {
      page.sections.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return page.sections.slice(0, MAX_SECTIONS).map(function (s) { return s.section; });
    });
  };

  // ---- Rendering ---------------------------------------------------------

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c];
    });
  }

  // The text around the first hit, with every hit marked.
  function snippet(text, language, stems) {
    var first = -1;
    var pattern = language.pattern;
    pattern.lastIndex = 0;
    var m;
    while ((m = pattern.exec(text)) !== null) {
      if (stems.has(language.stem(language.trim(m[0])))) { first = m.index; break; }
    }
    var start = first > SNIPPET / 3 ? text.lastIndexOf(" ", first - SNIPPET / 3) + 1 : 0;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), first + 1);
    var part = text.slice(start, end);
    var html = "";
    var at = 0;
    pattern.lastIndex = 0;
    while ((m = pattern.exec(part)) !== null) {
      var word = language.trim(m[0]);
      var from = m.index + m[0].indexOf(word);
      html += escapeHtml(part.slice(at, from));
      html += word && stems.has(language.stem(word))
        ? "<mark>" + escapeHtml(word) + "</mark>" : escapeHtml(word);
      at = from + word.length;
    }
    html += escapeHtml(part.slice(at));
    return (start > 0 ? "… " : "") + html + (end < text.length ? " …" : "");
  }

  function Search(root) {
    this.root = root;
    this.toggle = document.getElementById("__search");
    this.input = root.querySelector("[data-course-search-input]");
    this.meta = root.querySelector("[data-course-search-meta]");
    this.list = root.querySelector("[data-course-search-list]");
    this.strings = JSON.parse(root.querySelector("[data-course-search-strings]").textContent);
    this.lang = root.getAttribute("data-lang");
    this.base = root.getAttribute("data-base") || ".";
    this.index = null;
    this.loading = false;
  }

  Search.prototype.load = function () {
    if (this.index || this.loading) return;
    var self = this;
    var registry = window.courseSearchIndex || {};
    if (registry[this.lang]) { this.ready(registry[this.lang]); return; }
    this.loading = true;
    this.meta.textContent = this.strings.loading;
    var script = document.createElement("script");
    script.src = this.root.getAttribute("data-index");
    script.onload = function () {
      self.loading = false;
      var data = (window.courseSearchIndex || {})[self.lang];
      if (data) self.ready(data); else self.meta.textContent = self.strings.failed;
    };
    script.onerror = function () {
      self.loading = false;
      self.meta.textContent = self.strings.failed;
    };
    document.head.appendChild(script);
  };

  Search.prototype.ready = function (data) {
    this.index = new Index(data);
    this.root.setAttribute("data-course-search-ready", "");
    this.run();
  };

  Search.prototype.run = function () {
    if (!this.index) return;
    var result = this.index.search(this.input.value);
    this.list.textContent = "";
    if (!result) { this.meta.textContent = this.strings.placeholder; return; }
    var pages = result.pages;
    this.meta.textContent = pages.length === 0 ? this.strings.none
      : pages.length === 1 ? this.strings.one
        : this.strings.other.replace("#", String(pages.length));
    var self = this;
    pages.slice(0, MAX_PAGES).forEach(function (sections) {
      self.list.appendChild(self.item(sections, result.stems));
    });
  };

  Search.prototype.item = function (sections, stems) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var self = this;
    li.innerHTML = sections.map(function (section, i) {
      var href = self.base + "/" + section.url + (section.anchor ? "#" + section.anchor : "");
      var other = section.lang !== self.lang;
      var head = i === 0
        ? "<div class=\"md-search-result__icon md-icon\"></div><h1>" +
          escapeHtml(section.pageTitle) + "</h1>" +
          (other ? "<span class=\"course-search__lang\">" +
            escapeHtml(self.strings["in"][section.lang] || section.lang) + "</span>" : "")
        : "";
      var sub = section.anchor ? "<h2>" + escapeHtml(section.title) + "</h2>" : "";
      return "<a href=\"" + escapeHtml(href) + "\" class=\"md-search-result__link\">" +
        "<article class=\"md-search-result__article" +
        (i === 0 ? " md-search-result__article--document" : "") + " md-typeset\"" +
        (other ? " lang=\"" + escapeHtml(section.lang) + "\"" : "") + ">" + head + sub +
        "<p>" + snippet(section.text, self.index.language(section.lang), stems) + "</p></article></a>";
    }).join("");
    return li;
  };

  // ---- Opening, closing and the keyboard ---------------------------------

  // The control that had focus when search opened: focus goes back to it
  // when search closes with Escape.
  Search.prototype.remember = function () {
    var active = document.activeElement;
    if (active && active !== document.body && !this.root.contains(active)) {
      this.opener = active;
    }
  };

  Search.prototype.open = function () {
    this.remember();
    if (!this.toggle.checked) {
      this.toggle.checked = true;
      this.toggle.dispatchEvent(new Event("change"));
    }
    this.input.focus();
    this.load();
  };

  Search.prototype.close = function () {
    if (this.toggle.checked) {
      this.toggle.checked = false;
      this.toggle.dispatchEvent(new Event("change"));
    }
    this.input.blur();
  };

  function visible(el) {
    return !!el && el.isConnected && el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== "hidden";
  }

  // Escape: close, and give focus back to the control that opened search, or
  // to the search field where it stays on screen (wide screens), or to the
  // header's search button (phones). Focusing the field must not reopen search.
  Search.prototype.dismiss = function () {
    var opener = this.opener;
    this.opener = null;
    this.close();
    var button = document.querySelector("label.md-header__button[for='__search']");
    var target = [opener, this.input, button].filter(visible)[0];
    if (target) {
      this.quiet = target === this.input;
      target.focus();
      this.quiet = false;
    }
  };

  Search.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a"));
  };

  Search.prototype.move = function (by) {
    var links = this.links();
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (by > 0 ? 0 : links.length - 1) : at + by;
    if (next < 0 || next >= links.length) { this.input.focus(); return; }
    links[next].focus();
  };

  function isEditable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  Search.prototype.onKey = function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var open = this.toggle.checked;
    if (!open) {
      if ((event.key === "/" || event.key === "s" || event.key === "S") &&
          !isEditable(event.target)) {
        event.preventDefault();
        this.open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      this.dismiss();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      this.move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && event.target === this.input) {
      event.preventDefault();
      var first = this.links()[0];
      if (first) { this.close(); window.location.href = first.href; }
    }
  };

  Search.prototype.bind = function () {
    var self = this;
    document.addEventListener("keydown", function (e) { self.onKey(e); }, true);
    this.toggle.addEventListener("change", function () {
      if (self.toggle.checked) { self.remember(); self.input.focus(); self.load(); }
    });
    this.input.addEventListener("focus", function () { if (!self.quiet) self.open(); });
    this.input.addEventListener("input", function () {
      if (!self.toggle.checked) self.open();
      self.run();
    });
    this.input.form.addEventListener("submit", function (e) { e.preventDefault(); });
    this.input.form.addEventListener("reset", function () {
      setTimeout(function () { self.run(); self.input.focus(); }, 0);
    });
    this.list.addEventListener("click", function (e) {
      if (e.target.closest("a")) self.close();
    });
  };

  var root = document.querySelector("[data-course-search]");
  if (root) {
    var search = new Search(root);
    search.bind();
    window.courseSearch = {
      stem: function (word, lang) {
        return search.index ? search.index.language(lang).stem(word) : null;
      },
      search: function (query) {
        return search.index ? search.index.search(query) : null;
      }
    };
  }
})();
